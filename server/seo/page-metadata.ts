// <head> metadata of the reader pages: canonical URL, feed link, OpenGraph and Twitter cards.
import type { Metadata } from "next";
import type { BlogDTO, EntryDTO, PublisherDTO } from "@/common/contracts/dto";
import { blogDescriptionOf } from "./live-blog-posting";
import { entryTitleOf, excerptOf, firstImageOf, plainTextOf } from "@/common/entry-text";
import { absoluteUrl, blogPathOf, feedPathOf, permalinkOf } from "@/common/urls";

interface SharedPage {
  title: string;
  description: string;
  url: string;
  image: string | null;
  publishedTime?: string;
  modifiedTime?: string;
}

/** What the metadata names the site by. */
type SiteName = Pick<PublisherDTO, "name">;

function sharedMetadata(page: SharedPage, site: SiteName, feed?: { title: string; url: string }): Metadata {
  const images = page.image ? [page.image] : undefined;
  return {
    title: page.title,
    description: page.description,
    alternates: {
      canonical: page.url,
      ...(feed && { types: { "application/atom+xml": [{ url: feed.url, title: feed.title }] } }),
    },
    openGraph: {
      type: "article",
      siteName: site.name,
      title: page.title,
      description: page.description,
      url: page.url,
      ...(images && { images }),
      ...(page.publishedTime && { publishedTime: page.publishedTime }),
      ...(page.modifiedTime && { modifiedTime: page.modifiedTime }),
    },
    twitter: {
      card: images ? "summary_large_image" : "summary",
      title: page.title,
      description: page.description,
      ...(images && { images }),
    },
  };
}

function imageOf(entries: EntryDTO[], origin: string): string | null {
  const src = entries.map((entry) => firstImageOf(entry.body)).find((found) => found !== null);
  return src ? absoluteUrl(origin, src) : null;
}

function feedOf(blog: BlogDTO, origin: string) {
  return { title: `${blog.title} (Atom)`, url: absoluteUrl(origin, feedPathOf(blog.slug)) };
}

/** /live/{slug}: the blog; its image is the newest entry image, if any. */
export function blogPageMetadata(blog: BlogDTO, latest: EntryDTO[], origin: string, site: SiteName): Metadata {
  return sharedMetadata(
    {
      title: blog.title,
      description: blogDescriptionOf(blog),
      url: absoluteUrl(origin, blogPathOf(blog.slug)),
      image: imageOf(latest, origin),
      publishedTime: blog.createdAt,
      modifiedTime: blog.updatedAt,
    },
    site,
    feedOf(blog, origin),
  );
}

/** /live/{slug}/entries/{id}: one update, shared on its own. */
export function permalinkPageMetadata(
  blog: BlogDTO,
  entry: EntryDTO,
  latest: EntryDTO[],
  origin: string,
  site: SiteName,
): Metadata {
  const text = plainTextOf(entry.body);
  return sharedMetadata(
    {
      title: `${entryTitleOf(entry, 90)} · ${blog.title}`,
      description: excerptOf(text || blogDescriptionOf(blog), 300),
      url: absoluteUrl(origin, permalinkOf(blog.slug, entry.id)),
      image: imageOf([entry], origin) ?? imageOf(latest, origin),
      publishedTime: entry.publishedAt ?? undefined,
      modifiedTime: entry.editedAt ?? entry.publishedAt ?? undefined,
    },
    site,
    feedOf(blog, origin),
  );
}

/** /: the list of blogs. */
export function homePageMetadata(origin: string, site: SiteName): Metadata {
  const description = "Live coverage as it happens: follow every update of the stories we are covering now.";
  const title = `${site.name}: live coverage`;
  return {
    title: { absolute: title },
    description,
    alternates: { canonical: absoluteUrl(origin, "/") },
    openGraph: {
      type: "website",
      siteName: site.name,
      title,
      description,
      url: absoluteUrl(origin, "/"),
    },
    twitter: { card: "summary", title, description },
  };
}
