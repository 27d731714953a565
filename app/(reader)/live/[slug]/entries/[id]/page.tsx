// /live/{slug}/entries/{id}: one update's own address. The update is shown on top, in full and focused,
// followed by the whole live page, which keeps updating. Unknown, deleted and unpublished entries are a
// real 404 (answered by the process before Next, see server/http/unknown-blog-page.ts).
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { LiveFeed } from "@/components/feed/LiveFeed";
import { findPublishedEntry } from "@/server/db/entries";
import { getRuntime } from "@/server/runtime";
import { liveBlogPostingOf } from "@/server/seo/live-blog-posting";
import { permalinkPageMetadata } from "@/server/seo/page-metadata";
import { requestOrigin } from "@/server/seo/request-origin";
import { JsonLd } from "../../JsonLd";
import { initialFeedOf, loadReaderPage } from "@/server/reader/reader-page-data";
import { FocusOnArrival } from "./FocusOnArrival";
import { linkedEntryElementId } from "@/components/feed/LinkedEntry";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string; id: string }> };

const loadPermalink = cache(async (slug: string, id: string) => {
  const data = await loadReaderPage(slug);
  const entry = data && (await findPublishedEntry(getRuntime().db, slug, id));
  return data && entry ? { ...data, entry } : null;
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, id } = await params;
  const data = await loadPermalink(slug, id);
  return data
    ? permalinkPageMetadata(data.blog, data.entry, data.latest, await requestOrigin())
    : { title: "Not found" };
}

export default async function PermalinkPage({ params }: Props) {
  const { slug, id } = await params;
  const data = await loadPermalink(slug, id);
  if (!data) notFound();
  const { blog, latest, entry } = data;
  // The linked update is listed among the updates even when it is older than the latest ones.
  const updates = latest.some((e) => e.id === entry.id) ? latest : [...latest, entry];
  return (
    <>
      <JsonLd data={liveBlogPostingOf({ blog, updates, origin: await requestOrigin() })} />
      <LiveFeed initial={initialFeedOf(data)} linked={entry} />
      <FocusOnArrival elementId={linkedEntryElementId(entry.id)} />
    </>
  );
}
