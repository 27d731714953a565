// The HTML another site pastes to embed a live blog: an iframe (works alone, at a fixed height) and the host
// script that sizes it to its content (public/embed.js). The admin builds it in the browser as the editor
// picks the options (components/admin/EmbedSnippet.tsx).
import { absoluteUrl, embedPathOf } from "@/common/urls";
import { escapeHtml } from "./embed-markup";
import { embedQueryOf, type EmbedOptions } from "./embed-options";

/** The embed's address with its options. */
export function embedUrlOf(origin: string, slug: string, options: EmbedOptions): string {
  return absoluteUrl(origin, embedPathOf(slug) + embedQueryOf(options));
}

export function embedSnippetOf(origin: string, blog: { slug: string; title: string }, options: EmbedOptions): string {
  return [
    `<iframe src="${escapeHtml(embedUrlOf(origin, blog.slug, options))}" data-liveline="${escapeHtml(blog.slug)}" title="${escapeHtml(`${blog.title} (live)`)}"`,
    `  width="100%" height="600" style="width:100%;height:600px;border:0" loading="lazy"></iframe>`,
    `<script async src="${escapeHtml(absoluteUrl(origin, "/embed.js"))}"></script>`,
  ].join("\n");
}
