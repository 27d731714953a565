import Link from "next/link";
import type { BlogDTO } from "@/common/contracts/dto";

/** Dashboard / blog / page: where a blog's admin page sits. Without `page`, the blog itself is current. */
export function BlogBreadcrumb({ blog, page }: { blog: Pick<BlogDTO, "slug" | "title">; page?: string }) {
  return (
    <nav aria-label="Breadcrumb" className="text-neutral-600 dark:text-neutral-400">
      <Link href="/admin" className="hover:underline">
        Dashboard
      </Link>{" "}
      /{" "}
      {page ? (
        <>
          <Link href={`/admin/blogs/${blog.slug}`} className="hover:underline">
            {blog.title}
          </Link>{" "}
          / {page}
        </>
      ) : (
        blog.title
      )}
    </nav>
  );
}
