import Link from "next/link";
import { StatusBadge } from "@/components/ui/StatusBadge";
import type { BlogSummaryDTO } from "@/common/contracts/dto";
import { DataTable } from "./DataTable";
import { Timestamp } from "./Timestamp";
import { buttonStyles } from "./styles";

/** The dashboard's list of blogs. Settings and audit links only for those who may use them. */
export function BlogTable({
  blogs,
  canEdit,
  canAudit,
}: {
  blogs: BlogSummaryDTO[];
  canEdit: boolean;
  canAudit: boolean;
}) {
  if (blogs.length === 0) {
    return (
      <p className="rounded border border-dashed border-neutral-300 p-6 text-center text-neutral-600 dark:border-neutral-700 dark:text-neutral-400">
        No live blogs yet.
      </p>
    );
  }
  return (
    <DataTable
      caption="Live blogs"
      columns={[
        "Blog",
        "Status",
        { label: "Published", numeric: true },
        { label: "Drafts / scheduled", numeric: true },
        "Last update",
        { label: "Actions", hidden: true },
      ]}
    >
      {blogs.map((blog) => (
        <tr
          key={blog.slug}
          data-slug={blog.slug}
          className="align-top hover:bg-neutral-50 dark:hover:bg-neutral-800/50"
        >
          <th scope="row" className="px-3 py-2 font-normal">
            <Link href={`/admin/blogs/${blog.slug}`} className="font-semibold hover:underline">
              {blog.title}
            </Link>
            <div className="font-mono text-xs text-neutral-600 dark:text-neutral-400">{blog.slug}</div>
          </th>
          <td className="px-3 py-2">
            <StatusBadge status={blog.status} />
          </td>
          <td className="px-3 py-2 text-right tabular-nums">{blog.entryCount}</td>
          <td className="px-3 py-2 text-right tabular-nums">{blog.pendingCount}</td>
          <td className="px-3 py-2 whitespace-nowrap">
            <Timestamp iso={blog.updatedAt} />
          </td>
          <td className="px-3 py-2">
            <ul
              className="flex flex-wrap justify-end gap-x-3 gap-y-1 whitespace-nowrap"
              aria-label={`Actions for ${blog.title}`}
            >
              <li>
                <Link
                  href={`/admin/blogs/${blog.slug}`}
                  className={buttonStyles.link}
                  aria-label={`Open ${blog.title}`}
                >
                  Open
                </Link>
              </li>
              {canEdit && (
                <li>
                  <Link
                    href={`/admin/blogs/${blog.slug}/settings`}
                    className={buttonStyles.link}
                    aria-label={`Settings for ${blog.title}`}
                  >
                    Settings
                  </Link>
                </li>
              )}
              {canAudit && (
                <li>
                  <Link
                    href={`/admin/blogs/${blog.slug}/audit`}
                    className={buttonStyles.link}
                    aria-label={`Audit log of ${blog.title}`}
                  >
                    Audit log
                  </Link>
                </li>
              )}
              <li>
                <a
                  href={`/live/${blog.slug}`}
                  className={buttonStyles.link}
                  aria-label={`View live page of ${blog.title}`}
                >
                  View live page
                </a>
              </li>
            </ul>
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
