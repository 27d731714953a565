import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { BlogBreadcrumb } from "@/components/admin/BlogBreadcrumb";
import { streamViewOf } from "@/common/newsroom-stream";
import { BlogWorkspace } from "@/components/admin/stream/BlogWorkspace";
import { STREAM_PAGE_SIZE } from "@/components/admin/stream/stream-state";
import type { SubmissionView } from "@/components/admin/stream/submission-list";
import { requirePageActor } from "@/server/auth/current-actor";
import { findBlog } from "@/server/db/blogs";
import { listEntries } from "@/server/db/entries";
import { listSubmissions } from "@/server/db/reviews";
import { can } from "@/common/permissions";
import { getRuntime } from "@/server/runtime";

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const single = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const blog = await findBlog(getRuntime().db, slug);
  return { title: blog ? blog.title : "Not found" };
}

/** The blog workspace: write, schedule and publish entries, and watch every entry of the blog change live. */
export default async function BlogWorkspacePage({ params, searchParams }: Props) {
  const { slug } = await params;
  const search = await searchParams;
  // The stream's filter and search are in the address (?filter=drafts&q=fire), so a link shows the same entries.
  const view = streamViewOf({ filter: single(search.filter), q: single(search.q) });
  const actor = await requirePageActor(`/admin/blogs/${slug}`);
  const { db } = getRuntime();
  const blog = await findBlog(db, slug);
  if (!blog) notFound();
  const page = await listEntries(
    db,
    slug,
    {
      limit: STREAM_PAGE_SIZE,
      status: "all",
      ...(view.filter && { filter: view.filter }),
      ...(view.search.trim() && { q: view.search.trim() }),
    },
    actor,
  );
  const submissionView: SubmissionView | null = can(actor, "entry:review")
    ? "queue"
    : can(actor, "entry:submit")
      ? "mine"
      : null;
  const submissions = submissionView && { view: submissionView, items: await listSubmissions(db, actor, slug) };
  return (
    <div className="space-y-4">
      <BlogBreadcrumb blog={blog} />
      <BlogWorkspace
        blog={blog}
        actor={{ id: actor.id, role: actor.role, name: actor.name }}
        initial={{
          scope: { blogOrder: blog.defaultSort, view, actorId: actor.id },
          entries: page.entries,
          nextCursor: page.nextCursor,
        }}
        submissions={submissions}
      />
    </div>
  );
}
