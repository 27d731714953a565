import { jsonLdText } from "@/server/seo/live-blog-posting";

/** Structured data for search engines, escaped so page text cannot close the script element. */
export function JsonLd({ data }: { data: unknown }) {
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonLdText(data) }} />;
}
