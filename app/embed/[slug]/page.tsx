// /embed/{slug}: the live blog for other sites' iframes. No site chrome: the title, the live badge and the
// live feed, a link to the full page, and a resizer that tells the host page how tall it is. The process
// sends `Content-Security-Policy: frame-ancestors *` for /embed/ (server/index.ts) so any site may frame it.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { LiveFeed } from "@/components/feed/LiveFeed";
import { initialFeedOf, loadReaderPage } from "@/server/reader/reader-page-data";
import { requestOrigin } from "@/server/seo/request-origin";
import { SITE_NAME } from "@/common/site";
import { absoluteUrl, blogPathOf } from "@/common/urls";
import { EmbedResizer } from "./EmbedResizer";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const blog = (await loadReaderPage(slug))?.blog;
  if (!blog) return { title: "Not found" };
  // The full page is the one to index; the embed is a copy of it.
  return {
    title: blog.title,
    robots: { index: false },
    alternates: { canonical: absoluteUrl(await requestOrigin(), blogPathOf(slug)) },
  };
}

export default async function EmbedPage({ params }: Props) {
  const { slug } = await params;
  const data = await loadReaderPage(slug);
  if (!data) notFound();
  const { blog } = data;
  const fullPage = absoluteUrl(await requestOrigin(), blogPathOf(slug));
  return (
    <main className="px-3 py-3" data-testid="embed">
      <p className="mb-2 text-right text-sm">
        <a
          href={fullPage}
          target="_blank"
          rel="noopener"
          className="font-medium text-red-700 underline dark:text-red-400"
        >
          {`Read on ${SITE_NAME} ↗`}
        </a>
      </p>
      <LiveFeed initial={initialFeedOf(data)} />
      <EmbedResizer slug={blog.slug} />
    </main>
  );
}
