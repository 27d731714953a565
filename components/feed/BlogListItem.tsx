import Link from "next/link";
import type { BlogListItemDTO } from "@/common/contracts/dto";
import { StatusBadge } from "@/components/ui/StatusBadge";
import { RelativeTime } from "./RelativeTime";

/**
 * One blog on the home page: its newest picture, status, title, summary and how much and how lately it
 * has been updated. The picture's box has a fixed aspect ratio, so nothing moves when it loads; the whole
 * card is the title's link (one link per card for keyboard and screen-reader users).
 */
export function BlogListItem({ blog }: { blog: BlogListItemDTO }) {
  const updates = blog.entryCount === 1 ? "1 update" : `${blog.entryCount} updates`;
  return (
    <article
      data-testid="blog-card"
      data-slug={blog.slug}
      data-status={blog.status}
      className="relative grid gap-3 rounded-lg border border-neutral-200 p-3 hover:border-neutral-400 sm:grid-cols-[12rem_1fr] sm:gap-4 dark:border-neutral-800 dark:hover:border-neutral-600"
    >
      {blog.image && (
        <img
          src={blog.image.src}
          alt={blog.image.alt}
          loading="lazy"
          decoding="async"
          width={640}
          height={360}
          className="aspect-video w-full rounded bg-neutral-100 object-cover dark:bg-neutral-800"
        />
      )}
      <div className={`min-w-0 ${blog.image ? "" : "sm:col-span-2"}`}>
        <div className="mb-1">
          <StatusBadge status={blog.status} />
        </div>
        <h2 className="text-xl font-bold break-words">
          <Link
            href={`/live/${blog.slug}`}
            className="after:absolute after:inset-0 after:content-[''] rounded hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-700 dark:focus-visible:outline-blue-300"
          >
            {blog.title}
          </Link>
        </h2>
        {blog.summary && <p className="mt-1 text-neutral-700 dark:text-neutral-300">{blog.summary}</p>}
        <p data-testid="blog-updates" className="mt-2 text-sm text-neutral-600 dark:text-neutral-400">
          {blog.entryCount === 0 ? (
            "No updates yet"
          ) : (
            <>
              {updates} · updated <RelativeTime iso={blog.lastUpdatedAt} relativeOnly />
            </>
          )}
        </p>
      </div>
    </article>
  );
}
