// The top of a reader page: the one live indicator (blog status and connection together), the title, the
// summary, and for an ended blog when it ended.
import type { BlogDTO } from "@/common/contracts/dto";
import { BlogSummary } from "./BlogSummary";
import { LiveIndicator } from "./LiveIndicator";
import { LocalDateTime } from "./RelativeTime";
import type { LiveConnection } from "./use-blog-events";

export function ReaderHeader({
  blog,
  connection,
  className = "",
}: {
  blog: Pick<BlogDTO, "title" | "summary" | "status" | "endedAt">;
  connection: LiveConnection;
  className?: string;
}) {
  return (
    <header className={`mb-4 border-b border-neutral-200 pb-4 dark:border-neutral-800 ${className}`}>
      <div className="mb-2 flex min-h-6 flex-wrap items-center gap-x-3 gap-y-1">
        <LiveIndicator status={blog.status} connection={connection} />
      </div>
      <h1 className="text-2xl leading-tight font-extrabold break-words sm:text-4xl">{blog.title}</h1>
      {blog.summary && <BlogSummary summary={blog.summary} />}
      {blog.status === "ENDED" && (
        <p
          data-testid="ended"
          className="mt-4 rounded-md bg-neutral-100 px-3 py-2 text-sm text-neutral-800 dark:bg-neutral-800 dark:text-neutral-200"
        >
          <strong className="font-semibold">This live blog has ended</strong>
          {blog.endedAt && (
            <>
              {" "}
              <span className="whitespace-nowrap">
                at <LocalDateTime iso={blog.endedAt} />
              </span>
            </>
          )}
          . No new updates will appear.
        </p>
      )}
    </header>
  );
}
