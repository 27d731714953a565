// The embed's script (bundled on its own by scripts/build-embed.ts, no React): keeps the server-rendered
// embed live. It joins the blog's events through the reader's own subscription (blog-subscription.ts),
// applies them with the reader's feed state (feed-state.ts), renders the newest N updates with the markup the
// server used (embed-markup.ts), and tells the host page how tall the frame's content is.
import type { EntryDTO } from "@/common/contracts/dto";
import { subscribeToBlog } from "@/components/feed/blog-subscription";
import { applyEvent, initialFeedState, type FeedState } from "@/components/feed/feed-state";
import { LiveSocket } from "@/components/feed/live-socket";
import { absoluteTime, entryTime, zonedTime } from "@/components/feed/relative-time";
import { EMBED_STATE_ID, type EmbedState } from "./embed-state";
import { CONNECTION_TEXT, endedHtml, entryElementId, entryHtml, type EmbedList } from "./embed-markup";
import { postHeight } from "./embed-resize";

const start: EmbedState = JSON.parse(document.getElementById(EMBED_STATE_ID)?.textContent ?? "null") as EmbedState;
const { options } = start;
const main = document.querySelector("main") as HTMLElement;
const lists: Partial<Record<EmbedList, HTMLElement>> = {
  pinned: main.querySelector<HTMLElement>('[data-list="pinned"]') ?? undefined,
  stream: main.querySelector<HTMLElement>('[data-list="stream"]') ?? undefined,
};

/** Keeps what the frame shows, and a few more (an update deleted from the top N lets the next one move up). */
function bounded(state: FeedState): FeedState {
  const keep = options.entries * 2;
  if (state.entries.length <= keep) return state;
  return { ...state, entries: state.entries.slice(0, keep), nextCursor: state.nextCursor ?? "older" };
}

let state = bounded(initialFeedState(start.feed));
// The element each entry (as an object: events replace an entry with a new one) is rendered as, per list.
const rendered: Record<EmbedList, WeakMap<EntryDTO, HTMLElement>> = { pinned: new WeakMap(), stream: new WeakMap() };
for (const [list, entries] of [
  ["pinned", state.pinned],
  ["stream", state.entries],
] as const) {
  for (const entry of entries) {
    const element = document.getElementById(entryElementId(list, entry.id));
    if (element) rendered[list].set(entry, element);
  }
}

function elementOf(entry: EntryDTO, list: EmbedList): HTMLElement {
  let element = rendered[list].get(entry);
  if (!element) {
    const template = document.createElement("template");
    template.innerHTML = entryHtml(entry, list);
    element = template.content.firstElementChild as HTMLElement;
    rendered[list].set(entry, element);
    showTimes(element);
  }
  return element;
}

/** Puts exactly `entries`, in order, in `container`, moving elements only where the order changed. */
function renderList(list: EmbedList, entries: readonly EntryDTO[]): void {
  const container = lists[list];
  if (!container) return;
  entries.forEach((entry, index) => {
    const element = elementOf(entry, list);
    if (container.children[index] !== element) container.insertBefore(element, container.children[index] ?? null);
  });
  while (container.children.length > entries.length) container.lastElementChild?.remove();
}

function render(): void {
  const pinned = options.pinned ? state.pinned.slice(0, options.entries) : [];
  const entries = state.entries.slice(0, options.entries);
  renderList("pinned", pinned);
  renderList("stream", entries);
  const pinnedSection = main.querySelector<HTMLElement>('[data-testid="pinned"]');
  if (pinnedSection) pinnedSection.hidden = pinned.length === 0;
  const empty = main.querySelector<HTMLElement>(".empty");
  if (empty) empty.hidden = entries.length + pinned.length > 0;
  const { blog } = state;
  for (const heading of main.querySelectorAll("h1")) heading.textContent = blog.title;
  document.title = blog.title;
  const summary = main.querySelector<HTMLElement>(".summary");
  if (summary) {
    summary.textContent = blog.summary;
    summary.hidden = !blog.summary;
  }
  const header = main.querySelector(".embed-header");
  if (blog.status === "ENDED" && header && !header.querySelector("[data-testid=ended]")) {
    header.insertAdjacentHTML("beforeend", endedHtml(blog));
    showTimes(header);
  }
}

/**
 * Times in the reader's zone, named, as on the reader page: an entry's "3 h ago · 14:05 GMT" (dated from an
 * earlier day), other times ("ended at") as a clock time; in full on hover.
 */
function showTimes(root: ParentNode): void {
  const now = new Date();
  for (const time of root.querySelectorAll<HTMLTimeElement>("time[data-time]")) {
    const instant = new Date(time.dateTime);
    time.textContent = time.closest(".entry") ? entryTime(instant, now, undefined) : zonedTime(instant, now, undefined);
    time.title = absoluteTime(instant, undefined);
  }
}

function showConnection(connection: keyof typeof CONNECTION_TEXT): void {
  for (const indicator of main.querySelectorAll<HTMLElement>(".connection")) indicator.dataset.state = connection;
  for (const status of main.querySelectorAll<HTMLElement>("[data-connection]")) {
    status.dataset.connection = connection;
    status.textContent = CONNECTION_TEXT[connection];
  }
}

const announcer = main.querySelector<HTMLElement>("[data-announcer]");
let arrivals = 0;
let announceTimer: ReturnType<typeof setTimeout> | undefined;
function announceArrivals(count: number): void {
  if (!announcer || count === 0) return;
  arrivals += count;
  clearTimeout(announceTimer);
  announceTimer = setTimeout(() => {
    announcer.textContent = `${arrivals} new update${arrivals === 1 ? "" : "s"}`;
    arrivals = 0;
  }, 1000);
}

showTimes(document);
setInterval(() => showTimes(document), 30_000);
postHeight(state.blog.slug);

if (state.blog.status === "LIVE") {
  const subscription = subscribeToBlog({
    slug: state.blog.slug,
    seq: state.seq,
    socket: new LiveSocket(),
    onEvent(event) {
      const before = new Set(state.entries.map((e) => e.id));
      state = bounded(applyEvent(state, event));
      if (event.type === "entry:published")
        announceArrivals(state.entries.slice(0, options.entries).filter((e) => !before.has(e.id)).length);
      render();
      // An ended blog gets no more updates: nothing to stay connected for.
      if (state.blog.status === "ENDED") {
        subscription.close();
        for (const indicator of main.querySelectorAll(".connection"))
          indicator.outerHTML = `<span class="badge ended">Ended</span>`;
      }
    },
    onReset(fresh) {
      state = bounded(initialFeedState(fresh));
      render();
    },
    onState: showConnection,
    isOnline: () => navigator.onLine,
  });
  window.addEventListener("offline", () => subscription.offline());
  window.addEventListener("online", () => subscription.online());
}
