// What a reader page (the live page, a permalink, the embed) renders, read once per request
// (generateMetadata and the page share it through cache()) and kept in the read cache until the blog
// changes (server/cache/read-cache.ts): a spike of views costs its queries once per change, not per view.
import "server-only";
import { cache } from "react";
import type { BlogDTO, EntryDTO, EntryPage, FeedOrder, InitialFeed } from "@/common/contracts/dto";
import { findBlog } from "@/server/db/blogs";
import { listEntries, listKeyEvents, listPinnedEntries } from "@/server/db/entries";
import type { Db } from "@/server/db/types";
import { getRuntime } from "@/server/runtime";

export const FIRST_PAGE_SIZE = 20;

export interface ReaderPageData {
  blog: BlogDTO;
  pinned: EntryDTO[];
  /** The stream's order: the one asked for, or the blog's default. */
  order: FeedOrder;
  /** The stream's first page in that order, pinned entries in their place too. */
  page: EntryPage;
  /** Every published key event (up to 50), for the timeline, wherever they sit in the feed. */
  keyEvents: EntryDTO[];
  /** The newest published entries, pinned or not, for structured data and share images. */
  latest: EntryDTO[];
}

/** `order`: the one the reader asked for (`?sort=`); without it, the blog's default. */
export const loadReaderPage = cache((slug: string, order?: FeedOrder): Promise<ReaderPageData | null> => {
  const { db, readCache } = getRuntime();
  // Unknown blogs are not kept: any slug can be asked for, only real blogs deserve memory.
  return readCache.blog(slug, `reader-page:${order ?? "default"}`, () => readReaderPage(db, slug, order), {
    keepIf: (data) => data !== null,
  });
});

async function readReaderPage(db: Db, slug: string, asked: FeedOrder | undefined): Promise<ReaderPageData | null> {
  // Read the blog (and its seq) first: anything that changes after this is replayed when the page joins.
  const blog = await findBlog(db, slug);
  if (!blog) return null;
  const order = asked ?? blog.defaultSort;
  const newest = { limit: FIRST_PAGE_SIZE, status: "published", order: "desc" } as const;
  const [pinned, page, keyEvents, latestPage] = await Promise.all([
    listPinnedEntries(db, slug),
    listEntries(db, slug, { ...newest, order: order === "OLDEST" ? "asc" : "desc" }),
    listKeyEvents(db, slug),
    // Structured data and share images want the newest entries, whichever order the stream shows.
    order === "OLDEST" ? listEntries(db, slug, newest) : null,
  ]);
  return { blog, pinned, order, page, keyEvents, latest: (latestPage ?? page).entries };
}

/** The live feed's starting state; it joins the blog's events from the seq read with it. */
export function initialFeedOf({ blog, pinned, order, page, keyEvents }: ReaderPageData): InitialFeed {
  return { blog, pinned, order, entries: page.entries, nextCursor: page.nextCursor, seq: blog.seq, keyEvents };
}
