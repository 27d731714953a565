// A blog's Atom feed (RFC 4287): the newest published entries, each with its sanitized body as HTML.
import type { BlogDTO, EntryDTO, PublisherDTO } from "@/common/contracts/dto";
import { blogDescriptionOf } from "./live-blog-posting";
import { correctionLineOf, entryTitleOf } from "@/common/entry-text";
import { absoluteUrl, blogPathOf, feedPathOf, permalinkOf } from "@/common/urls";

export const ATOM_CONTENT_TYPE = "application/atom+xml; charset=utf-8";

// Characters XML 1.0 does not allow at all (C0 controls other than tab/newline/return, lone surrogates, U+FFFE/FFFF).
const NOT_XML =
  // eslint-disable-next-line no-control-regex -- control characters are what it removes
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text safe inside an XML element or a double-quoted attribute. */
export function xmlEscape(text: string): string {
  return text
    .replace(NOT_XML, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

/** Same-site paths in an entry body (uploaded images) made absolute, since a feed reader is on another site. */
function absolutePaths(html: string, origin: string): string {
  return html.replace(/\b(src|href)="\/(?!\/)/g, `$1="${origin}/`);
}

function entryUpdated(entry: EntryDTO): string {
  const published = entry.publishedAt ?? entry.createdAt;
  return entry.editedAt && entry.editedAt > published ? entry.editedAt : published;
}

/** Correction notes after the body, as the reader page shows them (plain text, escaped as HTML). */
function correctionsHtml(entry: EntryDTO): string {
  return entry.corrections
    .map((note) => `<p class="correction"><em>${xmlEscape(correctionLineOf(note.text))}</em></p>`)
    .join("");
}

export interface AtomFeedInput {
  blog: BlogDTO;
  entries: EntryDTO[];
  origin: string;
  /** The feed's author: the publisher, named as readers see it on the site. */
  publisher: Pick<PublisherDTO, "name" | "logoUrl">;
}

export function atomFeedOf({ blog, entries, origin, publisher }: AtomFeedInput): string {
  const blogUrl = absoluteUrl(origin, blogPathOf(blog.slug));
  const updated = [blog.updatedAt, ...entries.map(entryUpdated)].sort().at(-1)!;
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <id>${xmlEscape(blogUrl)}</id>`,
    `  <title type="text">${xmlEscape(blog.title)}</title>`,
    `  <subtitle type="text">${xmlEscape(blogDescriptionOf(blog))}</subtitle>`,
    `  <updated>${updated}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${xmlEscape(absoluteUrl(origin, feedPathOf(blog.slug)))}"/>`,
    `  <link rel="alternate" type="text/html" href="${xmlEscape(blogUrl)}"/>`,
    `  <author><name>${xmlEscape(publisher.name)}</name><uri>${xmlEscape(absoluteUrl(origin, "/"))}</uri></author>`,
    ...(publisher.logoUrl ? [`  <logo>${xmlEscape(absoluteUrl(origin, publisher.logoUrl))}</logo>`] : []),
    // The software, not the publisher (RFC 4287 4.2.4).
    `  <generator>Liveline</generator>`,
  ];
  for (const entry of entries) {
    const url = absoluteUrl(origin, permalinkOf(blog.slug, entry.id));
    lines.push(
      "  <entry>",
      `    <id>${xmlEscape(url)}</id>`,
      `    <title type="text">${xmlEscape(entryTitleOf(entry, 200))}</title>`,
      `    <updated>${entryUpdated(entry)}</updated>`,
      `    <published>${entry.publishedAt ?? entry.createdAt}</published>`,
      `    <link rel="alternate" type="text/html" href="${xmlEscape(url)}"/>`,
      `    <author><name>${xmlEscape(entry.author.name)}</name></author>`,
      ...(entry.label ? [`    <category term="${xmlEscape(entry.label)}"/>`] : []),
      `    <content type="html">${xmlEscape(absolutePaths(entry.body, origin) + correctionsHtml(entry))}</content>`,
      "  </entry>",
    );
  }
  lines.push("</feed>", "");
  return lines.join("\n");
}
