import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { BlogBreadcrumb } from "@/components/admin/BlogBreadcrumb";
import { BlogWorkspace } from "@/components/admin/stream/BlogWorkspace";
import { STREAM_PAGE_SIZE } from "@/components/admin/stream/stream-state";
import type { SubmissionView } from "@/components/admin/stream/submission-list";
import { requirePageActor } from "@/server/auth/current-actor";
import { findBlog } from "@/server/db/blogs";
import { listEntries } from "@/server/db/entries";
import { listSubmissions } from "@/server/db/reviews";
import { can } from "@/common/permissions";
import { getRuntime } from "@/server/runtime";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const blog = await findBlog(getRuntime().db, slug);
  return { title: blog ? blog.title : "Not found" };
}

/** The blog workspace: write, schedule and publish entries, and watch every entry of the blog change live. */
export default async function BlogWorkspacePage({ params }: Props) {
  const { slug } = await params;
  const actor = await requirePageActor(`/admin/blogs/${slug}`);
  const { db } = getRuntime();
  const blog = await findBlog(db, slug);
  if (!blog) notFound();
  const page = await listEntries(db, slug, { limit: STREAM_PAGE_SIZE, status: "all" }, actor);
  const view: SubmissionView | null = can(actor, "entry:review") ? "queue" : can(actor, "entry:submit") ? "mine" : null;
  const submissions = view && { view, items: await listSubmissions(db, actor, slug) };
  return (
    <div className="space-y-4">
      <BlogBreadcrumb blog={blog} />
      <BlogWorkspace
        blog={blog}
        actor={{ id: actor.id, role: actor.role, name: actor.name }}
        initial={{ entries: page.entries, nextCursor: page.nextCursor }}
        submissions={submissions}
      />
    </div>
  );
}
