// What a reader's page holds, and how each live event changes it. Pure, so it is unit-tested.
// Every transition is idempotent: an event applied twice leaves the same state as once.
import type { EntryDTO, FeedOrder, InitialFeed } from "@/common/contracts/dto";
import type { BlogEvent } from "@/common/contracts/events";

/** What a reader's page holds: the feed it was rendered with, and every key event it knows of. */
export interface FeedState extends Omit<InitialFeed, "keyEvents" | "order"> {
  order: FeedOrder;
  /** Every key event the page knows of, newest first, loaded in the stream or not: the timeline. */
  keyEvents: EntryDTO[];
}

export function initialFeedState(initial: InitialFeed): FeedState {
  const keyEvents = initial.keyEvents ?? [...initial.pinned, ...initial.entries].filter((e) => e.keyEvent);
  const order = initial.order ?? "NEWEST";
  return {
    ...initial,
    order,
    pinned: [...initial.pinned].sort(pinnedFirst),
    entries: [...initial.entries].sort(streamComparator(order)),
    keyEvents: mergeKeyEvents([], keyEvents),
  };
}

export const newestFirst = (a: EntryDTO, b: EntryDTO) =>
  (b.publishedAt ?? "").localeCompare(a.publishedAt ?? "") || b.id.localeCompare(a.id);

export const oldestFirst = (a: EntryDTO, b: EntryDTO) => newestFirst(b, a);

/** How the stream sorts in an order. */
export function streamComparator(order: FeedOrder): (a: EntryDTO, b: EntryDTO) => number {
  return order === "OLDEST" ? oldestFirst : newestFirst;
}

/** The pinned area's order: as editors set it (lowest pinOrder first), then newest first. */
export function pinnedFirst(a: EntryDTO, b: EntryDTO): number {
  if (a.pinOrder !== b.pinOrder) {
    if (a.pinOrder === null) return 1;
    if (b.pinOrder === null) return -1;
    return a.pinOrder - b.pinOrder;
  }
  return newestFirst(a, b);
}

function without(list: EntryDTO[], id: string): EntryDTO[] {
  return list.some((e) => e.id === id) ? list.filter((e) => e.id !== id) : list;
}

function mergeKeyEvents(known: EntryDTO[], found: EntryDTO[]): EntryDTO[] {
  const fresh = new Map(found.filter((e) => e.keyEvent && e.status === "PUBLISHED").map((e) => [e.id, e]));
  if (fresh.size === 0) return known;
  return [...known.filter((e) => !fresh.has(e.id)), ...fresh.values()].sort(newestFirst);
}

/**
 * Whether a stream in `order`, loaded up to `last` with more to load (`nextCursor`), shows `entry`: not when it
 * lies past the end of what is loaded; "Load older" (or "Load newer", oldest first) will bring it.
 */
export function isWithinLoaded(state: Pick<FeedState, "order" | "entries" | "nextCursor">, entry: EntryDTO): boolean {
  const last = state.entries.at(-1);
  return state.nextCursor === null || !last || streamComparator(state.order)(entry, last) <= 0;
}

/**
 * Places an entry where it belongs: in the stream in its place (pinned or not) and, when pinned, in the pinned
 * area too, replacing any older copy.
 */
function place(current: FeedState, entry: EntryDTO): FeedState {
  const state = { ...current, keyEvents: mergeKeyEvents(without(current.keyEvents, entry.id), [entry]) };
  const pinned = without(state.pinned, entry.id);
  const entries = without(state.entries, entry.id);
  if (entry.status !== "PUBLISHED") return { ...state, pinned, entries };
  const nextPinned = entry.pinned ? [...pinned, entry].sort(pinnedFirst) : pinned;
  // One already shown keeps its place; a new one past the end of what is loaded waits for the next page.
  const shown = entries !== state.entries;
  if (!shown && !isWithinLoaded({ ...state, entries }, entry)) return { ...state, pinned: nextPinned, entries };
  return { ...state, pinned: nextPinned, entries: [...entries, entry].sort(streamComparator(state.order)) };
}

/** Puts the pinned area in the editors' new order (`order` lists every pinned entry's id, first on top). */
function reorderPins(state: FeedState, order: readonly string[]): FeedState {
  const places = new Map(order.map((id, index) => [id, index]));
  const withPlace = (e: EntryDTO): EntryDTO => {
    const pinOrder = places.get(e.id);
    return pinOrder === undefined || pinOrder === e.pinOrder ? e : { ...e, pinOrder };
  };
  return { ...state, pinned: state.pinned.map(withPlace).sort(pinnedFirst), entries: state.entries.map(withPlace) };
}

export function applyEvent(state: FeedState, event: BlogEvent): FeedState {
  const next = { ...state, seq: Math.max(state.seq, event.payload.seq) };
  switch (event.type) {
    case "entry:published":
    case "entry:updated":
    case "entry:pinned":
    case "entry:unpinned":
      return place(next, event.payload.entry);
    case "entry:deleted":
      return {
        ...next,
        pinned: without(next.pinned, event.payload.id),
        entries: without(next.entries, event.payload.id),
        keyEvents: without(next.keyEvents, event.payload.id),
      };
    case "pins:reordered":
      return reorderPins(next, event.payload.order);
    case "blog:updated":
      return { ...next, blog: event.payload.details };
  }
}

/** The update a permalink page shows on top: as it is now, or gone from readers (deleted or unpublished since). */
export interface LinkedEntryState {
  entry: EntryDTO;
  removed: boolean;
}

/** The linked update after an event: edits, pins and a new publication replace it; a deletion removes it. */
export function applyToLinked(linked: LinkedEntryState, event: BlogEvent): LinkedEntryState {
  switch (event.type) {
    case "entry:published":
    case "entry:updated":
    case "entry:pinned":
    case "entry:unpinned":
      return event.payload.entry.id === linked.entry.id ? { entry: event.payload.entry, removed: false } : linked;
    case "entry:deleted":
      return event.payload.id === linked.entry.id ? { ...linked, removed: true } : linked;
    case "pins:reordered":
    case "blog:updated":
      return linked;
  }
}

/**
 * Appends the stream's next page (older ones newest first, newer ones oldest first), skipping anything already
 * shown (an entry may have arrived live while paging).
 */
export function appendPage(state: FeedState, page: EntryDTO[], nextCursor: string | null): FeedState {
  const known = new Set(state.entries.map((e) => e.id));
  const fresh = page.filter((e) => !known.has(e.id) && e.status === "PUBLISHED");
  // A page may show a key event the timeline has not seen (its flag was set before this page loaded).
  return {
    ...state,
    entries: [...state.entries, ...fresh].sort(streamComparator(state.order)),
    nextCursor,
    keyEvents: mergeKeyEvents(state.keyEvents, page),
  };
}

/** The query of the stream's next page after `cursor`, in `order`. */
export function nextPageQuery(order: FeedOrder, cursor: string, limit: number): URLSearchParams {
  return order === "OLDEST"
    ? new URLSearchParams({ order: "asc", after: cursor, limit: String(limit) })
    : new URLSearchParams({ order: "desc", before: cursor, limit: String(limit) });
}
