// The newsroom's pinned list: which entries readers see pinned, in their order, and what moving one gives.
// Pure, so it is unit-tested.
import type { EntryDTO } from "@/common/contracts/dto";
import { pinnedFirst } from "@/components/feed/feed-state";

/** The entries readers see pinned, in the order they see them. */
export function pinnedInOrder(entries: readonly EntryDTO[]): EntryDTO[] {
  return entries.filter((e) => e.pinned && e.status === "PUBLISHED").sort(pinnedFirst);
}

/** `ids` with `id` moved `by` places (-1: up, 1: down); unchanged at either end or when `id` is not there. */
export function moved(ids: readonly string[], id: string, by: -1 | 1): string[] {
  const from = ids.indexOf(id);
  const to = from + by;
  if (from < 0 || to < 0 || to >= ids.length) return [...ids];
  const next = [...ids];
  [next[from], next[to]] = [next[to]!, next[from]!];
  return next;
}

/**
 * What the newsroom knows of the pinned set and its order, as one string: when it changes (a colleague pinned,
 * unpinned or reordered), the pinned list is read again.
 */
export function pinnedSignature(entries: readonly EntryDTO[]): string {
  return pinnedInOrder(entries)
    .map((e) => `${e.id}:${e.pinOrder ?? ""}`)
    .join(",");
}
