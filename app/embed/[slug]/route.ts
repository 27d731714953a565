// GET /embed/{slug}: the live blog for other sites' iframes, as one server-rendered document and a small
// script of its own (components/embed/), not the reader app: it stays within a few kilobytes of JavaScript on
// someone else's article. Options come in the query string (embed-options.ts); bad ones get a 400 page that
// says which. The process sends `frame-ancestors *` for /embed/{slug} (server/http/security-headers.ts) and
// answers unknown blogs with its 404 page before this runs (server/http/unknown-blog-page.ts).
import { absoluteUrl, blogPathOf } from "@/common/urls";
import { embedDocument, embedErrorDocument } from "@/components/embed/embed-document";
import { parseEmbedOptions } from "@/components/embed/embed-query";
import { embedScriptPath } from "@/server/embed/embed-script";
import { getPublisher } from "@/server/reader/publisher";
import { loadReaderPage } from "@/server/reader/reader-page-data";
import { requestOrigin } from "@/server/seo/request-origin";

export const dynamic = "force-dynamic";

const html = (body: string, status: number) =>
  new Response(body, {
    status,
    headers: { "content-type": "text/html; charset=utf-8", "cache-control": "private, no-cache" },
  });

export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }): Promise<Response> {
  const { slug } = await params;
  const parsed = parseEmbedOptions(new URL(request.url).searchParams);
  if ("error" in parsed)
    return html(
      embedErrorDocument(
        "This embed's options are not valid",
        `${parsed.error}. Copy the embed code again from the blog's settings`,
      ),
      400,
    );
  const data = await loadReaderPage(slug);
  if (!data) return html(embedErrorDocument("Live blog not found", `There is no live blog "${slug}"`), 404);
  // The script runs under this response's policy only with its nonce (server/index.ts set both).
  const nonce = /'nonce-([^']+)'/.exec(request.headers.get("content-security-policy") ?? "")?.[1] ?? "";
  return html(
    embedDocument({
      blog: data.blog,
      pinned: data.pinned,
      entries: data.page.entries,
      hasOlder: data.page.nextCursor !== null,
      options: parsed.options,
      fullPageUrl: absoluteUrl(await requestOrigin(), blogPathOf(slug)),
      publisher: await getPublisher(),
      script: { src: embedScriptPath(), nonce },
    }),
    200,
  );
}
