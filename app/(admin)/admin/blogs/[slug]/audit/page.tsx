import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { BlogBreadcrumb } from "@/components/admin/BlogBreadcrumb";
import { AuditLog } from "@/components/admin/AuditLog";
import { requirePageActor } from "@/server/auth/current-actor";
import { listAuditEvents } from "@/server/db/audit";
import { findBlog } from "@/server/db/blogs";
import { getRuntime } from "@/server/runtime";

export const metadata: Metadata = { title: "Audit log" };

const PAGE_SIZE = 50;

type Props = { params: Promise<{ slug: string }> };

export default async function AuditPage({ params }: Props) {
  const { slug } = await params;
  const actor = await requirePageActor(`/admin/blogs/${slug}/audit`, ["EDITOR", "ADMIN"]);
  const { db } = getRuntime();
  const blog = await findBlog(db, slug);
  if (!blog) notFound();
  const first = await listAuditEvents(db, actor, slug, { limit: PAGE_SIZE });
  return (
    <div className="space-y-4">
      <BlogBreadcrumb blog={blog} page="Audit log" />
      <h1 className="text-xl font-bold">Audit log: {blog.title}</h1>
      <AuditLog slug={blog.slug} initial={first} pageSize={PAGE_SIZE} />
    </div>
  );
}
