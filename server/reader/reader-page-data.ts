// What a reader page (the live page, a permalink, the embed) renders, read once per request
// (generateMetadata and the page share it through cache()) and kept in the read cache until the blog
// changes (server/cache/read-cache.ts): a spike of views costs its queries once per change, not per view.
import "server-only";
import { cache } from "react";
import type { InitialFeed } from "@/common/contracts/dto";
import type { BlogDTO, EntryDTO, EntryPage } from "@/common/contracts/dto";
import { findBlog } from "@/server/db/blogs";
import { listEntries, listKeyEvents, listPinnedEntries } from "@/server/db/entries";
import type { Db } from "@/server/db/types";
import { getRuntime } from "@/server/runtime";

export const FIRST_PAGE_SIZE = 20;

export interface ReaderPageData {
  blog: BlogDTO;
  pinned: EntryDTO[];
  page: EntryPage;
  /** Every published key event (up to 50), for the timeline, wherever they sit in the feed. */
  keyEvents: EntryDTO[];
  /** The newest published entries, pinned or not, for structured data and share images. */
  latest: EntryDTO[];
}

export const loadReaderPage = cache((slug: string): Promise<ReaderPageData | null> => {
  const { db, readCache } = getRuntime();
  // Unknown blogs are not kept: any slug can be asked for, only real blogs deserve memory.
  return readCache.blog(slug, "reader-page", () => readReaderPage(db, slug), { keepIf: (data) => data !== null });
});

async function readReaderPage(db: Db, slug: string): Promise<ReaderPageData | null> {
  // Read the blog (and its seq) first: anything that changes after this is replayed when the page joins.
  const blog = await findBlog(db, slug);
  if (!blog) return null;
  const [pinned, page, keyEvents] = await Promise.all([
    listPinnedEntries(db, slug),
    listEntries(db, slug, { limit: FIRST_PAGE_SIZE, pinned: false, status: "published" }),
    listKeyEvents(db, slug),
  ]);
  const latest = [...pinned, ...page.entries]
    .sort((a, b) => (b.publishedAt ?? "").localeCompare(a.publishedAt ?? "") || b.id.localeCompare(a.id))
    .slice(0, FIRST_PAGE_SIZE);
  return { blog, pinned, page, keyEvents, latest };
}

/** The live feed's starting state; it joins the blog's events from the seq read with it. */
export function initialFeedOf({ blog, pinned, page, keyEvents }: ReaderPageData): InitialFeed {
  return { blog, pinned, entries: page.entries, nextCursor: page.nextCursor, seq: blog.seq, keyEvents };
}
