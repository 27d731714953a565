import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { LiveFeed } from "@/components/feed/LiveFeed";
import { liveBlogPostingOf } from "@/server/seo/live-blog-posting";
import { blogPageMetadata } from "@/server/seo/page-metadata";
import { requestOrigin } from "@/server/seo/request-origin";
import { JsonLd } from "./JsonLd";
import { initialFeedOf, loadReaderPage } from "@/server/reader/reader-page-data";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const data = await loadReaderPage(slug);
  return data ? blogPageMetadata(data.blog, data.latest, await requestOrigin()) : { title: "Not found" };
}

export default async function LiveBlogPage({ params }: Props) {
  const { slug } = await params;
  const data = await loadReaderPage(slug);
  if (!data) notFound();
  const { blog, latest } = data;
  return (
    <>
      <JsonLd data={liveBlogPostingOf({ blog, updates: latest, origin: await requestOrigin() })} />
      <LiveFeed initial={initialFeedOf(data)} />
    </>
  );
}
