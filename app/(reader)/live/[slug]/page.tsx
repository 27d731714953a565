import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { LiveFeed } from "@/components/feed/LiveFeed";
import { parseSort } from "@/components/feed/sort-choice";
import { liveBlogPostingOf } from "@/server/seo/live-blog-posting";
import { blogPageMetadata } from "@/server/seo/page-metadata";
import { requestOrigin } from "@/server/seo/request-origin";
import { JsonLd } from "./JsonLd";
import { initialFeedOf, loadReaderPage } from "@/server/reader/reader-page-data";
import { getPublisher } from "@/server/reader/publisher";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ sort?: string | string[] }> };

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const { slug } = await params;
  const data = await loadReaderPage(slug, parseSort((await searchParams).sort));
  return data
    ? blogPageMetadata(data.blog, data.latest, await requestOrigin(), await getPublisher())
    : { title: "Not found" };
}

export default async function LiveBlogPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const data = await loadReaderPage(slug, parseSort((await searchParams).sort));
  if (!data) notFound();
  const { blog, latest } = data;
  return (
    <>
      <JsonLd
        data={liveBlogPostingOf({
          blog,
          updates: latest,
          origin: await requestOrigin(),
          publisher: await getPublisher(),
        })}
      />
      <LiveFeed initial={initialFeedOf(data)} />
    </>
  );
}
