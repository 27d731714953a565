import type { Metadata } from "next";
import Link from "next/link";
import { StatusBadge } from "@/components/ui/StatusBadge";
import { listBlogs } from "@/server/db/blogs";
import { getRuntime } from "@/server/runtime";
import { homePageMetadata } from "@/server/seo/page-metadata";
import { requestOrigin } from "@/server/seo/request-origin";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return homePageMetadata(await requestOrigin());
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
        <ul className="divide-y divide-neutral-200 dark:divide-neutral-800">
          {blogs.map((blog) => (
            <li key={blog.slug} className="py-4">
              <div className="mb-1">
                <StatusBadge status={blog.status} />
              </div>
              <Link href={`/live/${blog.slug}`} className="text-xl font-bold hover:underline">
                {blog.title}
              </Link>
              {blog.summary && <p className="mt-1 text-neutral-700 dark:text-neutral-300">{blog.summary}</p>}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
