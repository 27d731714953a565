// Next.js 16 answers notFound() from a dynamic page with a 404 whose HTML body is an empty error shell
// (the "Page not found" text only arrives through client-side JavaScript; vercel/next.js#62228). Readers
// without JavaScript and crawlers must get a real page, so the process answers unknown blogs itself.
import { findBlog } from "../db/blogs";
import type { Db } from "../db/types";

const READER_PAGE = /^\/live\/([^/?#]+)\/?(?:[?#].*)?$/;

/** True for a GET of /live/{slug} whose blog does not exist. */
export async function isUnknownBlogPage(db: Db, method: string | undefined, url: string | undefined): Promise<boolean> {
  if (method !== "GET" && method !== "HEAD") return false;
  const slug = READER_PAGE.exec(url ?? "")?.[1];
  if (!slug) return false;
  return (await findBlog(db, decodeURIComponent(slug))) === null;
}
