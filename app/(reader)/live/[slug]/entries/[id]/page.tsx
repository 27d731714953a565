// /live/{slug}/entries/{id}: one update's own address. Under the blog's title and status, the update in
// full and focused, then the rest of the live page, which keeps updating. Unknown, deleted and unpublished entries are a
// real 404 (answered by the process before Next, see server/http/unknown-blog-page.ts).
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import type { FeedOrder } from "@/common/contracts/dto";
import { LiveFeed } from "@/components/feed/LiveFeed";
import { parseSort } from "@/components/feed/sort-choice";
import { findPublishedEntry } from "@/server/db/entries";
import { getRuntime } from "@/server/runtime";
import { liveBlogPostingOf } from "@/server/seo/live-blog-posting";
import { permalinkPageMetadata } from "@/server/seo/page-metadata";
import { requestOrigin } from "@/server/seo/request-origin";
import { JsonLd } from "../../JsonLd";
import { initialFeedOf, loadReaderPage } from "@/server/reader/reader-page-data";
import { getPublisher } from "@/server/reader/publisher";
import { FocusOnArrival } from "./FocusOnArrival";
import { linkedEntryElementId } from "@/components/feed/LinkedEntry";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string; id: string }>; searchParams: Promise<{ sort?: string | string[] }> };

const loadPermalink = cache(async (slug: string, id: string, order: FeedOrder | undefined) => {
  const data = await loadReaderPage(slug, order);
  const entry = data && (await findPublishedEntry(getRuntime().db, slug, id));
  return data && entry ? { ...data, entry } : null;
});

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const { slug, id } = await params;
  const data = await loadPermalink(slug, id, parseSort((await searchParams).sort));
  return data
    ? permalinkPageMetadata(data.blog, data.entry, data.latest, await requestOrigin(), await getPublisher())
    : { title: "Not found" };
}

export default async function PermalinkPage({ params, searchParams }: Props) {
  const { slug, id } = await params;
  const data = await loadPermalink(slug, id, parseSort((await searchParams).sort));
  if (!data) notFound();
  const { blog, latest, entry } = data;
  // The linked update is listed among the updates even when it is older than the latest ones.
  const updates = latest.some((e) => e.id === entry.id) ? latest : [...latest, entry];
  return (
    <>
      <JsonLd
        data={liveBlogPostingOf({ blog, updates, origin: await requestOrigin(), publisher: await getPublisher() })}
      />
      <LiveFeed initial={initialFeedOf(data)} linked={entry} />
      <FocusOnArrival elementId={linkedEntryElementId(entry.id)} />
    </>
  );
}
