// Every kind of page is answered with a Content-Security-Policy that runs only scripts carrying the
// response's nonce, and Next.js puts that nonce on every script of the page: the reader page (rendered and
// from the page cache), a permalink, the embed, the newsroom's sign-in page and both kinds of 404.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EntryDTO } from "@/common/contracts/dto";
import { apiClient, startTestServer, type TestServer } from "./harness";

let server: TestServer;
let editor: ReturnType<typeof apiClient>;
const slug = "csp-blog";

beforeAll(async () => {
  server = await startTestServer();
  editor = apiClient(server.url, server.users.editor.token);
  expect((await editor("POST", "/api/blogs", { slug, title: "CSP blog" })).status).toBe(201);
});

afterAll(async () => {
  await server?.dispose();
});

async function publish(body: string): Promise<EntryDTO> {
  const res = await editor<{ entry: EntryDTO }>("POST", `/api/blogs/${slug}/entries`, { body });
  expect(res.status).toBe(201);
  return res.body.entry;
}

interface Page {
  status: number;
  html: string;
  /** The nonce the policy's script-src allows. */
  nonce: string;
}

/** Loads a page as a browser would and checks its policy against its scripts; returns the nonce they share. */
async function load(path: string): Promise<Page> {
  const res = await fetch(server.url + path, { headers: { accept: "text/html" } });
  const html = await res.text();
  const policy = res.headers.get("content-security-policy") ?? "";
  const scriptSrc =
    policy
      .split("; ")
      .find((d) => d.startsWith("script-src "))
      ?.split(" ") ?? [];
  expect(scriptSrc, path).toContain("'strict-dynamic'");
  expect(scriptSrc, path).not.toContain("'unsafe-inline'");
  expect(scriptSrc, path).not.toContain("'unsafe-eval'");
  const nonces = scriptSrc.map((source) => /^'nonce-(.+)'$/.exec(source)?.[1]).filter((n) => n !== undefined);
  expect(nonces, path).toHaveLength(1);
  const nonce = nonces[0]!;

  // Every script the browser would run, inline or not, must carry it ('strict-dynamic' ignores 'self').
  // JSON-LD is a data block: browsers never run it, so CSP does not govern it.
  const scripts = [...html.matchAll(/<script\b([^>]*)>/gi)]
    .map((m) => m[1]!)
    .filter((attributes) => !/\btype="application\/ld\+json"/.test(attributes));
  expect(scripts.filter((attributes) => !/\bsrc=/.test(attributes)).length, `${path}: inline scripts`).toBeGreaterThan(
    0,
  );
  for (const attributes of scripts)
    expect(/\bnonce="([^"]*)"/.exec(attributes)?.[1], `${path}: <script${attributes}>`).toBe(nonce);
  return { status: res.status, html, nonce };
}

describe("a nonce-based Content-Security-Policy", () => {
  it("covers every script of the reader page, a permalink, the embed, the sign-in page and the 404s, with a fresh nonce each", async () => {
    const entry = await publish("<p>Polls open at seven</p>");
    const pages = {
      reader: await load(`/live/${slug}`),
      permalink: await load(`/live/${slug}/entries/${entry.id}`),
      embed: await load(`/embed/${slug}`),
      signIn: await load("/admin/login"),
      home: await load("/"),
      unknownBlog: await load("/live/no-such-blog"),
      unknownPath: await load("/no/such/page"),
    };
    expect(pages.reader.html).toContain("Polls open at seven");
    expect(pages.permalink.html).toContain("Polls open at seven");
    expect(pages.signIn.status).toBe(200);
    expect([pages.unknownBlog.status, pages.unknownPath.status]).toEqual([404, 404]);
    expect(pages.unknownBlog.html).toContain("Page not found");
    const nonces = Object.values(pages).map((page) => page.nonce);
    expect(new Set(nonces).size).toBe(nonces.length);
  });

  it("answers a cached reader page with the nonce it was rendered with; a change renders it under a new one", async () => {
    await publish("<p>Turnout is high</p>");
    const rendered = await load(`/live/${slug}`);
    const cached = await load(`/live/${slug}`);
    // The same bytes: the second view came from the page cache, and its policy is the one they were rendered under.
    expect(cached.html).toBe(rendered.html);
    expect(cached.nonce).toBe(rendered.nonce);
    const embed = [await load(`/embed/${slug}`), await load(`/embed/${slug}`)];
    expect(embed[1]!.nonce).toBe(embed[0]!.nonce);

    await publish("<p>Counting begins</p>");
    const afterChange = await load(`/live/${slug}`);
    expect(afterChange.html).toContain("Counting begins");
    expect(afterChange.nonce).not.toBe(rendered.nonce);
  });

  it("uses the nonce it sends, not one a client put in its own request", async () => {
    const res = await fetch(`${server.url}/live/${slug}/entries/none`, {
      headers: { "content-security-policy": "script-src 'nonce-chosenByClient'" },
    });
    const html = await res.text();
    expect(html).not.toContain("chosenByClient");
    expect(res.headers.get("content-security-policy")).not.toContain("chosenByClient");
    const admin = await fetch(`${server.url}/admin/login`, {
      headers: { "content-security-policy": "script-src 'nonce-chosenByClient'" },
    });
    expect(await admin.text()).not.toContain("chosenByClient");
  });
});
