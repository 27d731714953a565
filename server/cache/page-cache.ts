// Rendered reader pages (/live/{slug}, /embed/{slug}), kept like the data they are rendered from: per
// blog, until it changes. Rendering a page with React costs milliseconds of CPU even when its data is
// cached; a breaking-news spike of page views would queue behind those renders. The first view after a
// change renders (its response is captured as it is sent); views meanwhile wait for it; later views get
// the same bytes until the blog changes.
//
// Only what is the same for everyone is kept: GET without a query string (Next's client navigations carry
// `?_rsc=` or an `RSC` header and pass through), answered 200 without Set-Cookie. The key holds what the
// page depends on besides the blog: the origin it is served under as server/index.ts decided it (canonical
// and share URLs; not when PUBLIC_URL fixes them, which deployments should set) and whether the client
// takes gzip. Never a header the client chose: a forwarded host is in the key only if a trusted proxy sent it.
//
// The headers are kept with the bytes, and a cached view is answered with them: the page's scripts carry
// the nonce of the Content-Security-Policy it was rendered under, which replaces the fresh one this view's
// request was given (server/http/security-headers.ts). Every change renders again, under a new nonce.
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";
import { ORIGIN_HEADER } from "../http/origin";
import type { ReadCache } from "./read-cache";

const READER_PAGE = /^\/(live|embed)\/([a-z0-9]+(?:-[a-z0-9]+)*)\/?$/;

interface CapturedPage {
  status: number;
  headers: OutgoingHttpHeaders;
  body: Buffer;
}

export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => unknown;

export function createPageCache(readCache: ReadCache, { publicUrl }: { publicUrl?: string } = {}) {
  return {
    /** Answers from the cache, or renders with `render` (capturing the answer for the next views). */
    async handle(req: IncomingMessage, res: ServerResponse, render: RequestHandler): Promise<void> {
      const match = req.method === "GET" ? READER_PAGE.exec(req.url ?? "") : null;
      if (!match || req.headers.rsc || req.headers["next-router-prefetch"] || req.headers["next-router-state-tree"]) {
        await render(req, res);
        return;
      }
      const [, kind, slug] = match as unknown as [string, string, string];
      const origin = publicUrl ? "" : (first(req.headers[ORIGIN_HEADER]) ?? "");
      const gzip = /\bgzip\b/.test(first(req.headers["accept-encoding"]) ?? "");
      const key = `page:${kind}|${origin}|${gzip ? "gzip" : "identity"}|${req.url}`;
      let rendering: Promise<unknown> | undefined;
      const page = await readCache.blog(
        slug,
        key,
        () => {
          const captured = capture(req, res, render);
          rendering = captured.rendering;
          return captured.page;
        },
        { keepIf: (value) => value !== null },
      );
      // This request rendered the page itself (its errors go to the caller, like any other request's).
      if (rendering) return void (await rendering);
      if (!page) {
        await render(req, res);
        return;
      }
      const headers: OutgoingHttpHeaders = { ...page.headers, "content-length": page.body.length };
      delete headers["transfer-encoding"];
      // writeHead's headers win over those set on `res` already: the policy is the one these bytes were rendered under.
      res.writeHead(page.status, headers);
      res.end(page.body);
    },
  };
}

/** Lets `render` answer, keeping a copy of what it sent; null when the answer is not for everyone. */
function capture(
  req: IncomingMessage,
  res: ServerResponse,
  render: RequestHandler,
): { page: Promise<CapturedPage | null>; rendering: Promise<unknown> } {
  const chunks: Buffer[] = [];
  const keep = (chunk: unknown, encoding: unknown) => {
    if (typeof chunk === "string")
      chunks.push(Buffer.from(chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8"));
    else if (chunk instanceof Uint8Array) chunks.push(Buffer.from(chunk));
  };
  const write = res.write.bind(res) as (...args: unknown[]) => boolean;
  const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
  res.write = ((chunk: unknown, ...rest: unknown[]) => {
    keep(chunk, rest[0]);
    return write(chunk, ...rest);
  }) as ServerResponse["write"];
  res.end = ((chunk?: unknown, ...rest: unknown[]) => {
    if (chunk !== undefined && typeof chunk !== "function") keep(chunk, rest[0]);
    return end(chunk, ...rest);
  }) as ServerResponse["end"];

  const rendering = Promise.resolve().then(() => render(req, res));
  const page = new Promise<CapturedPage | null>((resolve) => {
    res.once("finish", () =>
      resolve(
        res.statusCode === 200 && !res.hasHeader("set-cookie")
          ? { status: 200, headers: res.getHeaders(), body: Buffer.concat(chunks) }
          : null,
      ),
    );
    res.once("close", () => {
      if (!res.writableFinished) resolve(null);
    });
    rendering.catch(() => resolve(null));
  });
  return { page, rendering };
}

function first(header: string | string[] | undefined): string | undefined {
  return (Array.isArray(header) ? header[0] : header)?.split(",")[0]?.trim();
}
