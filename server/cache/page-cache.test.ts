import { createServer, type Server } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { ORIGIN_HEADER } from "../http/origin";
import { applySecurityHeaders } from "../http/security-headers";
import { createPageCache, type RequestHandler } from "./page-cache";
import { createReadCache } from "./read-cache";

let server: Server | undefined;

afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

async function serve(render: RequestHandler) {
  const readCache = createReadCache({ ttlMs: 60_000 });
  const pages = createPageCache(readCache);
  server = createServer((req, res) => {
    // As the process does: every request gets a fresh policy before the cache or Next answers.
    applySecurityHeaders(req, res, { https: false, dev: false, imageHosts: [] });
    void pages.handle(req, res, render);
  });
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const base = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  const get = async (path: string, headers: Record<string, string> = {}) => {
    const res = await fetch(base + path, { headers });
    return { status: res.status, text: await res.text(), headers: res.headers };
  };
  return { readCache, get };
}

describe("page cache", () => {
  it("renders a reader page once, answers the same bytes and headers until its blog changes", async () => {
    let renders = 0;
    const { readCache, get } = await serve((_req, res) => {
      renders++;
      res.setHeader("content-type", "text/html");
      res.setHeader("x-render", String(renders));
      res.write("<p>render ");
      res.end(`${renders}</p>`);
    });
    const views = await Promise.all([get("/live/a-blog"), get("/live/a-blog"), get("/live/a-blog")]);
    expect(views.map((v) => v.text)).toEqual(["<p>render 1</p>", "<p>render 1</p>", "<p>render 1</p>"]);
    expect(views.map((v) => v.headers.get("x-render"))).toEqual(["1", "1", "1"]);
    expect((await get("/embed/a-blog")).text).toBe("<p>render 2</p>");
    readCache.blogChanged("other-blog");
    expect((await get("/live/a-blog")).text).toBe("<p>render 1</p>");
    readCache.blogChanged("a-blog");
    expect((await get("/live/a-blog")).text).toBe("<p>render 3</p>");
    expect(renders).toBe(3);
  });

  it("renders every time what is not the same for everyone", async () => {
    let renders = 0;
    const { get } = await serve((req, res) => {
      renders++;
      if (req.url === "/live/cookie-blog") res.setHeader("set-cookie", "a=b");
      res.statusCode = req.url === "/live/missing" ? 404 : 200;
      res.end(String(renders));
    });
    for (const path of [
      "/live/missing",
      "/live/cookie-blog",
      "/live/a-blog?_rsc=1",
      "/admin",
      "/live/a-blog/entries/x",
    ]) {
      const first = await get(path);
      expect((await get(path)).text).not.toBe(first.text);
    }
    const plain = await get("/live/a-blog");
    expect((await get("/live/a-blog", { rsc: "1" })).text).not.toBe(plain.text);
    // fetch asks for gzip; a client that does not gets its own variant, and so does another origin as
    // server/index.ts decided it. A forwarded host the client sent itself is not part of the key.
    expect((await get("/live/a-blog", { "accept-encoding": "identity" })).text).not.toBe(plain.text);
    expect((await get("/live/a-blog", { [ORIGIN_HEADER]: "https://other.example" })).text).not.toBe(plain.text);
    expect((await get("/live/a-blog", { "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" })).text).toBe(
      plain.text,
    );
    expect((await get("/live/a-blog")).text).toBe(plain.text);
  });

  it("answers cached bytes with the policy whose nonce they were rendered with; a new render gets a new nonce", async () => {
    // Like Next.js: the page's scripts carry the nonce of the policy on the request.
    const { readCache, get } = await serve((req, res) => {
      const nonce = /'nonce-([^']+)'/.exec(String(req.headers["content-security-policy"]))![1];
      res.setHeader("content-type", "text/html");
      res.end(`<script nonce="${nonce}">hydrate()</script>`);
    });
    const nonceOfHeader = (view: { headers: Headers }) =>
      /'nonce-([^']+)'/.exec(view.headers.get("content-security-policy") ?? "")?.[1];
    const nonceOfHtml = (view: { text: string }) => /nonce="([^"]+)"/.exec(view.text)?.[1];
    const views = [await get("/live/a-blog"), await get("/live/a-blog")];
    for (const view of views) expect(nonceOfHeader(view)).toBe(nonceOfHtml(view));
    expect(nonceOfHtml(views[1]!)).toBe(nonceOfHtml(views[0]!));
    readCache.blogChanged("a-blog");
    const rerendered = await get("/live/a-blog");
    expect(nonceOfHeader(rerendered)).toBe(nonceOfHtml(rerendered));
    expect(nonceOfHtml(rerendered)).not.toBe(nonceOfHtml(views[0]!));
  });
});
