// schema.org LiveBlogPosting for a reader page: what search engines read to show a live badge and the
// latest updates. https://schema.org/LiveBlogPosting, https://developers.google.com/search/docs/appearance/structured-data/article
import type { BlogDTO, EntryDTO, PublisherDTO } from "@/common/contracts/dto";
import { correctionLineOf, entryTitleOf, excerptOf, firstImageOf, plainTextOf } from "@/common/entry-text";
import { absoluteUrl, blogPathOf, permalinkOf } from "@/common/urls";

export interface LiveBlogPostingInput {
  blog: BlogDTO;
  /** Published entries to list as liveBlogUpdate, newest first. */
  updates: EntryDTO[];
  origin: string;
  publisher: Pick<PublisherDTO, "name" | "logoUrl">;
}

type JsonLd = Record<string, unknown>;

function entryDates(entry: EntryDTO): { published: string; modified: string } {
  const published = entry.publishedAt ?? entry.createdAt;
  return { published, modified: entry.editedAt && entry.editedAt > published ? entry.editedAt : published };
}

export function blogDescriptionOf(blog: BlogDTO): string {
  return excerptOf(blog.summary.trim() || `Live coverage: ${blog.title}`, 300);
}

export function blogPostingOf(entry: EntryDTO, origin: string): JsonLd {
  const { published, modified } = entryDates(entry);
  const url = absoluteUrl(origin, permalinkOf(entry.blog, entry.id));
  const image = firstImageOf(entry.body);
  return {
    "@type": "BlogPosting",
    "@id": url,
    url,
    headline: entryTitleOf(entry),
    articleBody: plainTextOf(entry.body),
    datePublished: published,
    dateModified: modified,
    author: { "@type": "Person", name: entry.author.name },
    ...(image && { image: absoluteUrl(origin, image) }),
    // https://schema.org/correction: a CorrectionComment per published correction note.
    ...(entry.corrections.length > 0 && {
      correction: entry.corrections.map((note) => ({
        "@type": "CorrectionComment",
        text: correctionLineOf(note.text),
        datePublished: note.createdAt,
      })),
    }),
  };
}

/**
 * The publisher as an Organization with its logo as an ImageObject (absolute): Google's live badge in Top Stories
 * expects both a name and a logo.
 */
export function organizationOf({ name, logoUrl }: LiveBlogPostingInput["publisher"], origin: string): JsonLd {
  return {
    "@type": "Organization",
    name,
    url: absoluteUrl(origin, "/"),
    ...(logoUrl && { logo: { "@type": "ImageObject", url: absoluteUrl(origin, logoUrl) } }),
  };
}

export function liveBlogPostingOf({ blog, updates, origin, publisher: brand }: LiveBlogPostingInput): JsonLd {
  const url = absoluteUrl(origin, blogPathOf(blog.slug));
  const publisher = organizationOf(brand, origin);
  const image = updates.map((entry) => firstImageOf(entry.body)).find((src) => src !== null);
  const newest = updates
    .map((entry) => entryDates(entry).modified)
    .sort()
    .at(-1);
  return {
    "@context": "https://schema.org",
    "@type": "LiveBlogPosting",
    "@id": url,
    url,
    mainEntityOfPage: url,
    headline: excerptOf(blog.title, 110),
    description: blogDescriptionOf(blog),
    datePublished: blog.createdAt,
    dateModified: newest && newest > blog.updatedAt ? newest : blog.updatedAt,
    coverageStartTime: blog.createdAt,
    ...(blog.status === "ENDED" && blog.endedAt && { coverageEndTime: blog.endedAt }),
    publisher,
    author: publisher,
    ...(image && { image: absoluteUrl(origin, image) }),
    liveBlogUpdate: updates.map((entry) => blogPostingOf(entry, origin)),
  };
}

/**
 * JSON for a <script type="application/ld+json">: "<" is escaped so no text in a headline or body
 * (such as "</script>") can end the script element early.
 */
export function jsonLdText(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, "\\u003c")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}
