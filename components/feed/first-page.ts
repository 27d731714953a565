// The reload a reader page falls back to when the server no longer keeps the events it missed.
import type { BlogDTO, EntryPage, FeedOrder, InitialFeed } from "@/common/contracts/dto";

/** Entries in the first page a reload fetches, as the server-rendered page has. */
export const FIRST_PAGE_SIZE = 20;

/**
 * The blog's first page as the server has it now: the blog, the pinned entries and the stream's first page in
 * `order` (the newest entries, or the oldest), like the server-rendered page; events after `seq` are then
 * fetched and applied.
 */
export async function loadFirstPage(
  slug: string,
  fetchJson: <T>(path: string) => Promise<T> = getJson,
  order: FeedOrder = "NEWEST",
): Promise<InitialFeed> {
  const base = `/api/blogs/${encodeURIComponent(slug)}`;
  const { blog } = await fetchJson<{ blog: BlogDTO }>(base);
  const [pinned, page] = await Promise.all([
    fetchJson<EntryPage>(`${base}/entries?pinned=true&limit=100`),
    fetchJson<EntryPage>(`${base}/entries?order=${order === "OLDEST" ? "asc" : "desc"}&limit=${FIRST_PAGE_SIZE}`),
  ]);
  // Each answer may come from a cache a moment older than the others: start from the oldest seq among
  // them, so events after it are replayed and nothing committed in between is missed.
  const seq = Math.min(blog.seq, pinned.seq ?? blog.seq, page.seq ?? blog.seq);
  return { blog, pinned: pinned.entries, entries: page.entries, order, nextCursor: page.nextCursor, seq };
}

/** GET a JSON answer, never from the browser's cache. */
export async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url, { cache: "no-store" });
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return (await response.json()) as T;
}
