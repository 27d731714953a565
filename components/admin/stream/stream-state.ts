// The newsroom stream's list: every entry of one blog, newest change first. Pure, so it is unit-tested;
// applying the same event twice, or an older copy after a newer one, changes nothing.
import type { EntryDTO } from "@/common/contracts/dto";

/** Entries per page of the stream (the server renders the first). */
export const STREAM_PAGE_SIZE = 30;

export interface StreamState {
  entries: EntryDTO[];
  /** Cursor for the next older page of `?status=all`; null when everything is loaded. */
  nextCursor: string | null;
}

function newerFirst(a: EntryDTO, b: EntryDTO): number {
  if (a.updatedAt !== b.updatedAt) return a.updatedAt < b.updatedAt ? 1 : -1;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

/** True when `candidate` is at least as new as `known` (pins change updatedAt but not version). */
function isAtLeastAsNew(candidate: EntryDTO, known: EntryDTO): boolean {
  if (candidate.version !== known.version) return candidate.version > known.version;
  return candidate.updatedAt >= known.updatedAt;
}

export function upsertEntry(state: StreamState, entry: EntryDTO): StreamState {
  const known = state.entries.find((candidate) => candidate.id === entry.id);
  if (known && !isAtLeastAsNew(entry, known)) return state;
  const entries = [...state.entries.filter((candidate) => candidate.id !== entry.id), entry].sort(newerFirst);
  return { ...state, entries };
}

export function removeEntry(state: StreamState, id: string): StreamState {
  return state.entries.some((entry) => entry.id === id)
    ? { ...state, entries: state.entries.filter((entry) => entry.id !== id) }
    : state;
}

export function appendOlderEntries(state: StreamState, older: EntryDTO[], nextCursor: string | null): StreamState {
  return { entries: older.reduce((current, entry) => upsertEntry(current, entry), state).entries, nextCursor };
}

/**
 * After a reconnect (no replay exists for the newsroom room): the fresh first page replaces what we had
 * in its time window, so entries deleted meanwhile go; older pages already loaded stay.
 */
export function replaceFirstPage(state: StreamState, page: EntryDTO[], pageCursor: string | null): StreamState {
  const oldest = page.at(-1);
  if (!oldest || pageCursor === null) return { entries: [...page].sort(newerFirst), nextCursor: null };
  const older = state.entries.filter(
    (entry) => newerFirst(entry, oldest) > 0 && !page.some((fresh) => fresh.id === entry.id),
  );
  return { entries: [...page, ...older].sort(newerFirst), nextCursor: older.length ? state.nextCursor : pageCursor };
}
