// Next.js 16 answers notFound() from a dynamic page with a 404 whose HTML body is an empty error shell
// (the "Page not found" text only arrives through client-side JavaScript; vercel/next.js#62228). Readers
// without JavaScript and crawlers must get a real page, so the process answers unknown blogs, unknown
// entry permalinks and unknown embeds itself.
import { findBlog } from "../db/blogs";
import { findPublishedEntry } from "../db/entries";
import type { Db } from "../db/types";

const READER_PAGE = /^\/(?:live|embed)\/([^/?#]+)\/?(?:[?#].*)?$/;
const PERMALINK_PAGE = /^\/live\/([^/?#]+)\/entries\/([^/?#]+)\/?(?:[?#].*)?$/;

function decoded(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/**
 * True for a GET of /live/{slug} or /embed/{slug} whose blog does not exist, and of
 * /live/{slug}/entries/{id} whose entry readers may not see (unknown, deleted, draft or scheduled).
 * The process passes `blogExists` through its read cache, so a burst of views costs one query per change.
 */
export async function isUnknownBlogPage(
  db: Db,
  method: string | undefined,
  url: string | undefined,
  blogExists: (slug: string) => Promise<boolean> = async (slug) => (await findBlog(db, slug)) !== null,
): Promise<boolean> {
  if (method !== "GET" && method !== "HEAD") return false;
  const permalink = PERMALINK_PAGE.exec(url ?? "");
  if (permalink?.[1] && permalink[2]) {
    const [slug, id] = [decoded(permalink[1]), decoded(permalink[2])];
    return slug === null || id === null || (await findPublishedEntry(db, slug, id)) === null;
  }
  const segment = READER_PAGE.exec(url ?? "")?.[1];
  if (!segment) return false;
  const slug = decoded(segment);
  return slug === null || !(await blogExists(slug));
}
