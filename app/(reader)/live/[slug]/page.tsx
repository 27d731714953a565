import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { LiveFeed } from "@/components/feed/LiveFeed";
import { findBlog } from "@/server/db/blogs";
import { listEntries, listPinnedEntries } from "@/server/db/entries";
import { getRuntime } from "@/server/runtime";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const blog = await findBlog(getRuntime().db, slug);
  return blog ? { title: blog.title, description: blog.summary || undefined } : { title: "Not found" };
}

export default async function LiveBlogPage({ params }: Props) {
  const { slug } = await params;
  const { db } = getRuntime();
  // Read the blog (and its seq) first: anything that changes after this is replayed when the page joins.
  const blog = await findBlog(db, slug);
  if (!blog) notFound();
  const [pinned, page] = await Promise.all([listPinnedEntries(db, slug), listEntries(db, slug, { limit: 20, pinned: false, status: "published" })]);
  return <LiveFeed initial={{ blog, pinned, entries: page.entries, nextCursor: page.nextCursor, seq: blog.seq }} />;
}
