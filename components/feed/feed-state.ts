// What a reader's page holds, and how each live event changes it. Pure, so it is unit-tested.
// Every transition is idempotent: an event applied twice leaves the same state as once.
import type { EntryDTO, InitialFeed } from "@/common/contracts/dto";
import type { BlogEvent } from "@/common/contracts/events";

/** What a reader's page holds: the feed it was rendered with, and every key event it knows of. */
export interface FeedState extends Omit<InitialFeed, "keyEvents"> {
  /** Every key event the page knows of, newest first, loaded in the stream or not: the timeline. */
  keyEvents: EntryDTO[];
}

export function initialFeedState(initial: InitialFeed): FeedState {
  const keyEvents = initial.keyEvents ?? [...initial.pinned, ...initial.entries].filter((e) => e.keyEvent);
  return { ...initial, keyEvents: mergeKeyEvents([], keyEvents) };
}

const newestFirst = (a: EntryDTO, b: EntryDTO) =>
  (b.publishedAt ?? "").localeCompare(a.publishedAt ?? "") || b.id.localeCompare(a.id);

function without(list: EntryDTO[], id: string): EntryDTO[] {
  return list.some((e) => e.id === id) ? list.filter((e) => e.id !== id) : list;
}

function mergeKeyEvents(known: EntryDTO[], found: EntryDTO[]): EntryDTO[] {
  const fresh = found.filter((e) => e.keyEvent && e.status === "PUBLISHED");
  if (fresh.length === 0) return known;
  const ids = new Set(fresh.map((e) => e.id));
  return [...known.filter((e) => !ids.has(e.id)), ...fresh].sort(newestFirst);
}

/** Places an entry where it belongs (pinned area or stream), replacing any older copy. */
function place(current: FeedState, entry: EntryDTO): FeedState {
  const state = { ...current, keyEvents: mergeKeyEvents(without(current.keyEvents, entry.id), [entry]) };
  const pinned = without(state.pinned, entry.id);
  const entries = without(state.entries, entry.id);
  if (entry.status !== "PUBLISHED") return { ...state, pinned, entries };
  if (entry.pinned) return { ...state, pinned: [...pinned, entry].sort(newestFirst), entries };
  // An entry older than everything loaded belongs to a page not fetched yet; "Load older" will bring it.
  const oldestLoaded = entries.at(-1);
  if (state.nextCursor !== null && oldestLoaded && newestFirst(entry, oldestLoaded) > 0)
    return { ...state, pinned, entries };
  return { ...state, pinned, entries: [...entries, entry].sort(newestFirst) };
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
    case "blog:updated":
      return linked;
  }
}

/** Appends an older page, skipping anything already shown (an entry may have moved while paging). */
export function appendOlder(state: FeedState, older: EntryDTO[], nextCursor: string | null): FeedState {
  const known = new Set([...state.pinned, ...state.entries].map((e) => e.id));
  const fresh = older.filter((e) => !known.has(e.id) && !e.pinned);
  // An older page may show a key event the timeline has not seen (its flag was set before this page loaded).
  return {
    ...state,
    entries: [...state.entries, ...fresh],
    nextCursor,
    keyEvents: mergeKeyEvents(state.keyEvents, older),
  };
}
