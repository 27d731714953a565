// The newsroom stream's list for one view (a filter and a search) in the stream's order (common/newsroom-stream.ts).
// Pure, so it is unit-tested: applying the same change twice, or an older copy after a newer one, changes nothing;
// a live change lands where a reload would put it, leaves the list when it no longer fits the view, and waits for
// "Load older" when its place is past what is loaded.
import type { EntryDTO, FeedOrder } from "@/common/contracts/dto";
import { compareStreamPositions, matchesStreamView, streamPositionOf, type StreamView } from "@/common/newsroom-stream";

/** Entries per page of the stream (the server renders the first). */
export const STREAM_PAGE_SIZE = 30;

/** What the list is of: the blog's reading order, the view, and who looks (for "Mine"). */
export interface StreamScope {
  blogOrder: FeedOrder;
  view: StreamView;
  actorId: string;
}

export interface StreamState {
  scope: StreamScope;
  entries: EntryDTO[];
  /** Cursor for the next page of `?status=all` in this view; null when everything is loaded. */
  nextCursor: string | null;
}

export function streamOrder(blogOrder: FeedOrder): (a: EntryDTO, b: EntryDTO) => number {
  return (a, b) => compareStreamPositions(streamPositionOf(a, blogOrder), streamPositionOf(b, blogOrder), blogOrder);
}

/** True when `candidate` is at least as new as `known` (pins change updatedAt but not version). */
function isAtLeastAsNew(candidate: EntryDTO, known: EntryDTO): boolean {
  if (candidate.version !== known.version) return candidate.version > known.version;
  return candidate.updatedAt >= known.updatedAt;
}

export function upsertEntry(state: StreamState, entry: EntryDTO): StreamState {
  const known = state.entries.find((candidate) => candidate.id === entry.id);
  if (known && !isAtLeastAsNew(entry, known)) return state;
  const others = state.entries.filter((candidate) => candidate.id !== entry.id);
  const order = streamOrder(state.scope.blogOrder);
  const last = others.at(-1);
  const pastLoaded = state.nextCursor !== null && last !== undefined && order(entry, last) > 0;
  if (!matchesStreamView(entry, state.scope.view, state.scope.actorId) || pastLoaded) {
    return known ? { ...state, entries: others } : state;
  }
  return { ...state, entries: [...others, entry].sort(order) };
}

export function removeEntry(state: StreamState, id: string): StreamState {
  return state.entries.some((entry) => entry.id === id)
    ? { ...state, entries: state.entries.filter((entry) => entry.id !== id) }
    : state;
}

export function appendOlderEntries(state: StreamState, older: EntryDTO[], nextCursor: string | null): StreamState {
  // Everything up to the page's end is loaded now, so the page's entries find their place.
  const widened: StreamState = { ...state, nextCursor: null };
  return { ...older.reduce(upsertEntry, widened), nextCursor };
}

/**
 * After a reconnect (no replay exists for the newsroom room): the fresh first page replaces what we had
 * up to its last entry, so entries deleted meanwhile go; older pages already loaded stay.
 */
export function replaceFirstPage(state: StreamState, page: EntryDTO[], pageCursor: string | null): StreamState {
  const order = streamOrder(state.scope.blogOrder);
  const sorted = [...page].sort(order);
  const last = sorted.at(-1);
  if (!last || pageCursor === null) return { ...state, entries: sorted, nextCursor: null };
  const older = state.entries.filter((entry) => order(entry, last) > 0 && !page.some((fresh) => fresh.id === entry.id));
  return { ...state, entries: [...sorted, ...older], nextCursor: older.length ? state.nextCursor : pageCursor };
}
