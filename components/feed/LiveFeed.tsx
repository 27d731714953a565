"use client";
// The live island of a reader page (also of /embed/{slug}): starts from the server-rendered state and
// applies events in place. New entries slide in while the reader is at the top of the stream; once they
// have scrolled down, nothing moves under them: new entries wait behind an "N new updates" button in the
// connection bar. The pieces of the page are their own components (ReaderHeader, PinnedEntries,
// KeyEventsTimeline, ConnectionBar); this file holds the state and the stream.
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from "react";
import type { EntryDTO, EntryPage, InitialFeed } from "@/common/contracts/dto";
import type { BlogEvent } from "@/common/contracts/events";
import { permalinkOf } from "@/common/urls";
import { Announcer, useAnnounce } from "./announcer";
import { ConnectionBar, newUpdates } from "./ConnectionBar";
import { EntryArticle } from "./EntryArticle";
import {
  appendPage,
  applyEvent,
  applyToLinked,
  initialFeedState,
  nextPageQuery,
  type FeedState,
  type LinkedEntryState,
} from "./feed-state";
import { KeyEventsTimeline } from "./KeyEventsTimeline";
import { LinkedEntry } from "./LinkedEntry";
import { PinnedEntries } from "./PinnedEntries";
import { ReaderHeader } from "./ReaderHeader";
import { SLIDE_SETTLE_MS, SlideInList } from "./SlideInList";
import { SortToggle } from "./SortToggle";
import { useBlogEvents } from "./use-blog-events";

/** How far the stream's top may be above the viewport and still count as "at the top". */
const TOP_TOLERANCE_PX = 24;
/** New arrivals within this time are announced together ("3 new updates"). */
const ANNOUNCE_AFTER_MS = 1000;
/** How many older pages a key-event link may load to reach its entry before it opens the entry's page. */
const MAX_PAGES_TO_REACH = 25;

/**
 * `linked`: on a permalink page, the update it points at, shown on top and kept as live as the stream.
 * `sortable`: offers the reader the stream's order (not inside another site's page, where the embed sets it).
 */
export function LiveFeed({
  initial,
  linked,
  sortable = true,
}: {
  initial: InitialFeed;
  linked?: EntryDTO;
  sortable?: boolean;
}) {
  return (
    <Announcer>
      <LiveFeedBody initial={initial} initialLinked={linked} sortable={sortable} />
    </Announcer>
  );
}

/** Where to take the reader after the next render: the stream's top, or one entry (highlighted). */
type Jump = { entryId: string | null; focusId: string | null; highlight: boolean };

function LiveFeedBody({
  initial,
  initialLinked,
  sortable,
}: {
  initial: InitialFeed;
  initialLinked?: EntryDTO;
  sortable: boolean;
}) {
  const [state, setState] = useState(() => initialFeedState(initial));
  const [linked, setLinked] = useState<LinkedEntryState | null>(() =>
    initialLinked ? { entry: initialLinked, removed: false } : null,
  );
  // Events and paging apply to the newest state, not the one of the last render.
  const stateRef = useRef(state);
  const commit = useCallback((next: FeedState) => {
    stateRef.current = next;
    setState(next);
  }, []);
  const { blog } = state;
  const announce = useAnnounce();

  // Entries that arrived but are not shown yet (the reader is scrolled down, or the last slide is still running).
  const [held, setHeld] = useState<string[]>([]);
  const [settling, setSettling] = useState(false);
  const [jump, setJump] = useState<Jump | null>(null);
  const streamTop = useRef<HTMLDivElement>(null);
  const atTop = useIsAtTop(streamTop);

  const arrivals = useRef(0);
  const announceTimer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const settleTimer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => (clearTimeout(announceTimer.current), clearTimeout(settleTimer.current)), []);

  const onEvent = useCallback(
    (event: BlogEvent) => {
      const before = stateRef.current;
      const next = applyEvent(before, event);
      commit(next);
      setLinked((current) => current && applyToLinked(current, event));
      if (event.type !== "entry:published") return;
      const known = new Set(before.entries.map((e) => e.id));
      const fresh = next.entries.filter((e) => !known.has(e.id)).map((e) => e.id);
      if (fresh.length === 0) return;
      // Oldest first, a new entry joins the end of the stream: nothing above the reader moves, nothing waits.
      if (next.order === "NEWEST") setHeld((current) => [...current, ...fresh.filter((id) => !current.includes(id))]);
      arrivals.current += fresh.length;
      clearTimeout(announceTimer.current);
      announceTimer.current = setTimeout(() => {
        announce(newUpdates(arrivals.current));
        arrivals.current = 0;
      }, ANNOUNCE_AFTER_MS);
    },
    [commit, announce],
  );
  // The page missed more than the server's event log keeps: start again from a fresh first page.
  const onReset = useCallback(
    (fresh: InitialFeed) => {
      setHeld([]);
      commit(initialFeedState(fresh));
    },
    [commit],
  );
  const connection = useBlogEvents(initial.blog.slug, initial.seq, onEvent, {
    live: blog.status === "LIVE",
    onReset,
    order: state.order,
  });

  const heldSet = new Set(held);
  const shown = state.entries.filter((e) => !heldSet.has(e.id));
  const waiting = state.entries.filter((e) => heldSet.has(e.id));

  // At the top, waiting entries slide in, in batches no closer together than one slide (see SlideInList).
  useEffect(() => {
    if (waiting.length === 0 || !atTop || settling) return;
    // eslint-disable-next-line react-hooks/set-state-in-effect -- releases held entries on a timer, one batch per slide
    setHeld([]);
    setSettling(true);
    settleTimer.current = setTimeout(() => setSettling(false), SLIDE_SETTLE_MS);
  }, [waiting.length, atTop, settling]);

  // Jumps run after the render that shows their target, before paint.
  useLayoutEffect(() => {
    if (!jump) return;
    // eslint-disable-next-line react-hooks/set-state-in-effect -- a jump is consumed once its target is rendered, before paint
    setJump(null);
    const target = jump.entryId ? document.getElementById(`entry-${jump.entryId}`) : streamTop.current;
    target?.scrollIntoView({ block: "start" });
    const focus = jump.focusId ? document.getElementById(`entry-${jump.focusId}`) : null;
    focus?.focus({ preventScroll: true });
    if (jump.highlight && target) {
      target.removeAttribute("data-highlight");
      void target.offsetWidth; // restart the animation when the same entry is picked twice
      target.setAttribute("data-highlight", "");
      target.addEventListener("animationend", () => target.removeAttribute("data-highlight"), { once: true });
    }
  }, [jump]);

  const showWaiting = () => {
    const first = waiting[0]?.id ?? null;
    setHeld([]);
    setJump({ entryId: null, focusId: first, highlight: false });
  };

  const [loadingOlder, setLoadingOlder] = useState(false);
  const [olderError, setOlderError] = useState<string | null>(null);

  const loadOlderPage = async (): Promise<boolean> => {
    const cursor = stateRef.current.nextCursor;
    if (!cursor) return false;
    const query = nextPageQuery(stateRef.current.order, cursor, 20);
    const response = await fetch(`/api/blogs/${encodeURIComponent(blog.slug)}/entries?${query}`);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const page = (await response.json()) as EntryPage;
    commit(appendPage(stateRef.current, page.entries, page.nextCursor));
    return true;
  };

  const loadOlder = async () => {
    setLoadingOlder(true);
    setOlderError(null);
    try {
      await loadOlderPage();
    } catch {
      setOlderError(`Could not load ${state.order === "OLDEST" ? "newer" : "older"} updates. Try again.`);
    } finally {
      setLoadingOlder(false);
    }
  };

  const isLoaded = (id: string) => stateRef.current.entries.some((e) => e.id === id);

  const goToKeyEvent = async (entry: EntryDTO) => {
    try {
      for (let pages = 0; !isLoaded(entry.id) && pages < MAX_PAGES_TO_REACH; pages++) {
        if (!(await loadOlderPage())) break;
      }
    } catch {
      // Fall through to the entry's own page.
    }
    if (!isLoaded(entry.id)) {
      window.location.assign(permalinkOf(entry.blog, entry.id));
      return;
    }
    setHeld((current) => (current.includes(entry.id) ? [] : current));
    setJump({ entryId: entry.id, focusId: entry.id, highlight: true });
  };

  // Say it when the blog ends while the reader watches (not when it had ended before they came).
  const wasLive = useRef(blog.status === "LIVE");
  useEffect(() => {
    if (wasLive.current && blog.status === "ENDED") announce("This live blog has ended");
    wasLive.current = blog.status === "LIVE";
  }, [blog.status, announce]);

  // Narrow screens: one column, header, pinned, key events (both collapsed), stream. From `lg` on: the
  // stream in a readable column and the key events in a sticky side column (see ReaderChrome's width).
  return (
    <div
      data-reader-wide
      className="lg:grid lg:grid-cols-[minmax(0,1fr)_17rem] lg:grid-rows-[auto_auto_auto_1fr] lg:gap-x-10"
    >
      <ReaderHeader blog={blog} connection={connection} className="lg:col-start-1 lg:row-start-1" />
      {linked && <LinkedEntry {...linked} className="lg:col-start-1 lg:row-start-2" />}
      <PinnedEntries pinned={state.pinned} className="lg:col-start-1 lg:row-start-3" />
      <KeyEventsTimeline
        keyEvents={state.keyEvents}
        onGoTo={(entry) => void goToKeyEvent(entry)}
        className="lg:col-start-2 lg:row-span-4 lg:row-start-1"
      />

      <div className="min-w-0 lg:col-start-1 lg:row-start-4">
        <ConnectionBar
          connection={blog.status === "LIVE" ? connection : null}
          waiting={atTop ? 0 : waiting.length}
          onShowWaiting={showWaiting}
        />

        {sortable && <SortToggle order={state.order} />}
        <div ref={streamTop} id="latest-updates" className="scroll-mt-16" />
        <SlideInList
          animate={atTop && jump === null}
          aria-labelledby="stream-heading"
          data-testid="stream"
          // At the top the stream is meant to move (it slides); below, the browser keeps the reader's place.
          className={atTop ? "[overflow-anchor:none]" : undefined}
        >
          <h2 id="stream-heading" className="sr-only">
            Latest updates
          </h2>
          {shown.length === 0 && (
            <p className="text-neutral-600 dark:text-neutral-400">
              No updates yet. New ones will appear here as they are published.
            </p>
          )}
          {shown.map((entry) => (
            <EntryArticle key={entry.id} entry={entry} />
          ))}
          {state.nextCursor && (
            <div className="my-8 text-center">
              <button
                type="button"
                onClick={() => void loadOlder()}
                disabled={loadingOlder}
                className="rounded border border-neutral-400 px-4 py-2 font-medium hover:bg-neutral-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-700 disabled:opacity-60 dark:hover:bg-neutral-800 dark:focus-visible:outline-blue-300"
              >
                {loadingOlder ? "Loading…" : state.order === "OLDEST" ? "Load newer" : "Load older"}
              </button>
              {olderError && (
                <p role="alert" className="mt-2 text-sm text-red-700 dark:text-red-400">
                  {olderError}
                </p>
              )}
            </div>
          )}
        </SlideInList>
      </div>
    </div>
  );
}

/** True while the top of the stream is in view (or just above it), measured once per frame while scrolling. */
function useIsAtTop(marker: React.RefObject<HTMLElement | null>): boolean {
  const [atTop, setAtTop] = useState(true);
  useEffect(() => {
    let frame = 0;
    const measure = () => {
      frame = 0;
      const element = marker.current;
      if (element) setAtTop(element.getBoundingClientRect().top >= -TOP_TOLERANCE_PX);
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(measure);
    };
    measure();
    window.addEventListener("scroll", schedule, { passive: true });
    window.addEventListener("resize", schedule);
    return () => {
      cancelAnimationFrame(frame);
      window.removeEventListener("scroll", schedule);
      window.removeEventListener("resize", schedule);
    };
  }, [marker]);
  return atTop;
}
