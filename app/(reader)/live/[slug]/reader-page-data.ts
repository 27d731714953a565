// What a reader page renders, read once per request (generateMetadata and the page share it through cache()).
import "server-only";
import { cache } from "react";
import type { BlogDTO, EntryDTO, EntryPage } from "@/server/contracts/dto";
import { findBlog } from "@/server/db/blogs";
import { listEntries, listPinnedEntries } from "@/server/db/entries";
import { getRuntime } from "@/server/runtime";

export const FIRST_PAGE_SIZE = 20;

export interface ReaderPageData {
  blog: BlogDTO;
  pinned: EntryDTO[];
  page: EntryPage;
  /** The newest published entries, pinned or not, for structured data and share images. */
  latest: EntryDTO[];
}

export const loadReaderPage = cache(async (slug: string): Promise<ReaderPageData | null> => {
  const { db } = getRuntime();
  // Read the blog (and its seq) first: anything that changes after this is replayed when the page joins.
  const blog = await findBlog(db, slug);
  if (!blog) return null;
  const [pinned, page] = await Promise.all([
    listPinnedEntries(db, slug),
    listEntries(db, slug, { limit: FIRST_PAGE_SIZE, pinned: false, status: "published" }),
  ]);
  const latest = [...pinned, ...page.entries]
    .sort((a, b) => (b.publishedAt ?? "").localeCompare(a.publishedAt ?? "") || b.id.localeCompare(a.id))
    .slice(0, FIRST_PAGE_SIZE);
  return { blog, pinned, page, latest };
});
