// The HTML another site pastes to embed a live blog: an iframe (works alone, at a fixed height) and the
// host script that sizes it to its content (public/embed.js).
import { absoluteUrl, embedPathOf } from "@/common/urls";

const attribute = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

export function embedSnippetOf(origin: string, blog: { slug: string; title: string }): string {
  const src = absoluteUrl(origin, embedPathOf(blog.slug));
  return [
    `<iframe src="${attribute(src)}" data-liveline="${attribute(blog.slug)}" title="${attribute(`${blog.title} (live)`)}"`,
    `  width="100%" height="600" style="width:100%;height:600px;border:0" loading="lazy"></iframe>`,
    `<script async src="${attribute(absoluteUrl(origin, "/embed.js"))}"></script>`,
  ].join("\n");
}
