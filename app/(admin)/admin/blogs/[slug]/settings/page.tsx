import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { BlogBreadcrumb } from "@/components/admin/BlogBreadcrumb";
import { BlogSettingsForm } from "@/components/admin/BlogSettingsForm";
import { EmbedSnippet } from "@/components/admin/EmbedSnippet";
import { LabelsManager } from "@/components/admin/LabelsManager";
import { requirePageActor } from "@/server/auth/current-actor";
import { findBlog } from "@/server/db/blogs";
import { listBlogLabels } from "@/server/db/labels";
import { getRuntime } from "@/server/runtime";
import { requestOrigin } from "@/server/seo/request-origin";

export const metadata: Metadata = { title: "Blog settings" };

type Props = { params: Promise<{ slug: string }> };

export default async function BlogSettingsPage({ params }: Props) {
  const { slug } = await params;
  await requirePageActor(`/admin/blogs/${slug}/settings`, ["EDITOR", "ADMIN"]);
  const { db } = getRuntime();
  const blog = await findBlog(db, slug);
  if (!blog) notFound();
  const labels = await listBlogLabels(db, slug);
  const origin = await requestOrigin();
  return (
    <div className="space-y-4">
      <BlogBreadcrumb blog={blog} page="Settings" />
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-xl font-bold">Settings: {blog.title}</h1>
        <Link
          href={`/admin/blogs/${blog.slug}/audit`}
          className="font-medium text-blue-700 hover:underline dark:text-blue-400"
        >
          Audit log
        </Link>
      </div>
      <BlogSettingsForm initial={blog} />
      <LabelsManager slug={blog.slug} initial={labels} />
      <EmbedSnippet origin={origin} blog={blog} />
    </div>
  );
}
