import type { Metadata } from "next";
import { BlogListItem } from "@/components/feed/BlogListItem";
import { listBlogs } from "@/server/db/blogs";
import { getPublisher } from "@/server/reader/publisher";
import { getRuntime } from "@/server/runtime";
import { homePageMetadata } from "@/server/seo/page-metadata";
import { requestOrigin } from "@/server/seo/request-origin";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return homePageMetadata(await requestOrigin(), await getPublisher());
}

export default async function HomePage() {
  const { db, readCache } = getRuntime();
  const blogs = await readCache.site("blogs", () => listBlogs(db));
  return (
    <>
      <h1 className="mb-6 text-3xl font-extrabold">Live coverage</h1>
      {blogs.length === 0 ? (
        <p className="text-neutral-600 dark:text-neutral-400">No live blogs yet.</p>
      ) : (
        <ul className="grid gap-4">
          {blogs.map((blog) => (
            <li key={blog.slug}>
              <BlogListItem blog={blog} />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
