// GET /live/{slug}/feed.xml: the blog's Atom feed, newest 50 published entries.
import { findBlog } from "@/server/db/blogs";
import { listEntries } from "@/server/db/entries";
import { getPublisher } from "@/server/reader/publisher";
import { getRuntime } from "@/server/runtime";
import { ATOM_CONTENT_TYPE, atomFeedOf } from "@/server/seo/atom-feed";
import { requestOrigin } from "@/server/seo/request-origin";

export const dynamic = "force-dynamic";

const FEED_SIZE = 50;

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }): Promise<Response> {
  const { slug } = await params;
  const { db } = getRuntime();
  const blog = await findBlog(db, slug);
  if (!blog)
    return new Response(`no blog with slug "${slug}"\n`, {
      status: 404,
      headers: { "content-type": "text/plain; charset=utf-8" },
    });
  const { entries } = await listEntries(db, slug, { limit: FEED_SIZE, status: "published" });
  const xml = atomFeedOf({ blog, entries, origin: await requestOrigin(), publisher: await getPublisher() });
  // Feed readers poll; a minute of caching spares the database without making a live blog stale.
  return new Response(xml, { headers: { "content-type": ATOM_CONTENT_TYPE, "cache-control": "public, max-age=60" } });
}
