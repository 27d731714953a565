// Search engines, social cards, feed readers and other sites' iframes read Liveline over plain HTTP:
// the JSON-LD and the Atom feed are checked against what schema.org and RFC 4287 require, with hostile content.
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EntryDTO } from "@/common/contracts/dto";
import { apiClient, startTestServer, type TestServer } from "./harness";

let server: TestServer;
let editor: ReturnType<typeof apiClient>;
/** Published entries of "seo-story", oldest first. */
const published: EntryDTO[] = [];
let draft: EntryDTO;
let deleted: EntryDTO;
let hostile: EntryDTO;
let pictured: EntryDTO;

const SLUG = "seo-story";
const HOSTILE_HEADLINE = `]]> <script>alert("h")</script> & "quotes" 'too'`;
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;

async function publish(slug: string, body: Record<string, unknown>): Promise<EntryDTO> {
  const res = await editor<{ entry: EntryDTO }>("POST", `/api/blogs/${slug}/entries`, body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.entry;
}

beforeAll(async () => {
  // Behind one trusted proxy, so its forwarded host and protocol count (they are only read with TRUST_PROXY > 0);
  // the pictured entry's image comes from a configured image host (IMAGE_HOSTS), as a newsroom's photo desk would.
  server = await startTestServer({ env: { TRUST_PROXY: "1", IMAGE_HOSTS: "https://images.example" } });
  editor = apiClient(server.url, server.users.editor.token);
  expect(
    (
      await editor("POST", "/api/blogs", {
        slug: SLUG,
        title: "Storm & <Orla> live",
        summary: "Every update on the storm.",
      })
    ).status,
  ).toBe(201);
  expect((await editor("POST", "/api/blogs", { slug: "ended-seo", title: "Ended story", summary: "" })).status).toBe(
    201,
  );
  expect((await editor("POST", "/api/blogs", { slug: "other-seo", title: "Other story", summary: "" })).status).toBe(
    201,
  );

  published.push(await publish(SLUG, { headline: "The first update", body: "<p>It begins.</p>" }));
  hostile = await publish(SLUG, {
    headline: HOSTILE_HEADLINE,
    body: '<p>a ]]&gt; b &amp; c <script>bad()</script>"d"</p>',
  });
  // A label stored before the API took only the listed ones: still served, escaped like any text.
  await server.db.prisma.entry.update({ where: { id: hostile.id }, data: { label: "A&B" } });
  published.push(hostile);
  pictured = await publish(SLUG, {
    body: '<p>Flooding on the quay.</p><img src="https://images.example/quay.jpg" alt="The flooded quay">',
  });
  published.push(pictured);
  for (let i = 0; i < 48; i++) published.push(await publish(SLUG, { body: `<p>bulk update ${i}</p>` }));
  draft = await publish(SLUG, { headline: "Secret draft", body: "<p>not yet</p>", status: "DRAFT" });
  deleted = await publish(SLUG, { headline: "Soon gone", body: "<p>oops</p>" });
  expect((await editor("DELETE", `/api/blogs/${SLUG}/entries/${deleted.id}`)).status).toBe(204);

  await publish("ended-seo", { headline: "Last word", body: "<p>That is all.</p>" });
  expect((await editor("PATCH", "/api/blogs/ended-seo", { status: "ENDED" })).status).toBe(200);
}, 120_000);

afterAll(async () => {
  await server?.dispose();
});

async function page(
  path: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; html: string; headers: Headers }> {
  const response = await fetch(server.url + path, { headers });
  return { status: response.status, html: await response.text(), headers: response.headers };
}

function decodeAttribute(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

/** The content of <meta property|name="key">, or of <link rel="key"> (href). */
function head(html: string, key: string): string | undefined {
  const meta = new RegExp(`<meta (?:property|name)="${key}" content="([^"]*)"`).exec(html)?.[1];
  const link = new RegExp(`<link rel="${key}" href="([^"]*)"`).exec(html)?.[1];
  const found = meta ?? link;
  return found === undefined ? undefined : decodeAttribute(found);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function jsonLdOf(html: string): any {
  const scripts = [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)];
  expect(scripts, "one JSON-LD script").toHaveLength(1);
  return JSON.parse(scripts[0]![1]!);
}

function expectAbsoluteUrl(value: unknown, origin = server.url): void {
  expect(typeof value).toBe("string");
  const url = new URL(value as string);
  expect(url.origin).toBe(origin);
}

function expectDate(value: unknown): void {
  expect(value).toMatch(RFC3339);
  expect(Number.isNaN(Date.parse(value as string))).toBe(false);
}

/** What schema.org and Google's article guidelines ask of a LiveBlogPosting and its BlogPosting updates. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function expectValidLiveBlogPosting(data: any): void {
  expect(data["@context"]).toBe("https://schema.org");
  expect(data["@type"]).toBe("LiveBlogPosting");
  expect(typeof data.headline).toBe("string");
  expect(data.headline.length).toBeGreaterThan(0);
  expect(data.headline.length).toBeLessThanOrEqual(110);
  expect(typeof data.description).toBe("string");
  expectAbsoluteUrl(data.url);
  for (const key of ["datePublished", "dateModified", "coverageStartTime"]) expectDate(data[key]);
  expect(data.dateModified >= data.datePublished).toBe(true);
  expect(data.publisher).toMatchObject({ "@type": "Organization", name: "Liveline" });
  expectAbsoluteUrl(data.publisher.url);
  expect(Array.isArray(data.liveBlogUpdate)).toBe(true);
  for (const update of data.liveBlogUpdate) {
    expect(update["@type"]).toBe("BlogPosting");
    expect(typeof update.headline).toBe("string");
    expect(update.headline.length).toBeGreaterThan(0);
    expect(update.headline.length).toBeLessThanOrEqual(110);
    expect(typeof update.articleBody).toBe("string");
    expect(update.articleBody).not.toMatch(/<[a-z/]/i);
    expectDate(update.datePublished);
    expectDate(update.dateModified);
    expect(update.dateModified >= update.datePublished).toBe(true);
    expectAbsoluteUrl(update.url);
    expect(update.author).toMatchObject({ "@type": "Person" });
    expect(typeof update.author.name).toBe("string");
    if (update.image !== undefined) expect(() => new URL(update.image)).not.toThrow();
  }
}

describe("the live page's structured data and sharing tags", () => {
  it("describes the blog as a LiveBlogPosting whose updates are the newest entries, each at a permalink that answers 200", async () => {
    const { status, html } = await page(`/live/${SLUG}`);
    expect(status).toBe(200);
    const data = jsonLdOf(html);
    expectValidLiveBlogPosting(data);
    expect(data).toMatchObject({
      url: `${server.url}/live/${SLUG}`,
      headline: "Storm & <Orla> live",
      description: "Every update on the storm.",
    });
    expect(data.coverageEndTime).toBeUndefined();
    const newest = published.slice(-20).reverse();
    expect(data.liveBlogUpdate.map((u: { url: string }) => u.url)).toEqual(
      newest.map((e) => `${server.url}/live/${SLUG}/entries/${e.id}`),
    );
    for (const update of data.liveBlogUpdate) {
      const answer = await fetch(update.url);
      expect(answer.status, update.url).toBe(200);
      await answer.body?.cancel();
    }
    // No text in the data can close the script element early.
    expect(html).not.toContain('<script>alert("h")</script>');
  });

  it("gives a canonical URL, the feed link, OpenGraph and Twitter tags", async () => {
    const { html } = await page(`/live/${SLUG}`);
    expect(head(html, "canonical")).toBe(`${server.url}/live/${SLUG}`);
    expect(html).toContain(
      `<link rel="alternate" type="application/atom+xml" href="${server.url}/live/${SLUG}/feed.xml"`,
    );
    expect(head(html, "og:title")).toBe("Storm & <Orla> live");
    expect(head(html, "og:description")).toBe("Every update on the storm.");
    expect(head(html, "og:url")).toBe(`${server.url}/live/${SLUG}`);
    expect(head(html, "og:type")).toBe("article");
    expect(head(html, "og:site_name")).toBe("Liveline");
    expect(head(html, "twitter:card")).toBe("summary");
    expect(head(html, "twitter:title")).toBe("Storm & <Orla> live");
  });

  it("builds absolute URLs from a trusted proxy's forwarded host and protocol", async () => {
    const { html } = await page(`/live/${SLUG}`, { "x-forwarded-proto": "https", "x-forwarded-host": "live.example" });
    expect(head(html, "canonical")).toBe(`https://live.example/live/${SLUG}`);
    expect(jsonLdOf(html).liveBlogUpdate[0].url).toMatch(/^https:\/\/live\.example\/live\/seo-story\/entries\//);
  });

  it("ends coverage when the blog has ended", async () => {
    const data = jsonLdOf((await page("/live/ended-seo")).html);
    expectValidLiveBlogPosting(data);
    expectDate(data.coverageEndTime);
    expect(data.description).toBe("Live coverage: Ended story");
  });

  it("gives the home page a canonical URL and a description", async () => {
    const { html } = await page("/");
    expect(head(html, "canonical")).toBe(`${server.url}/`);
    expect(head(html, "description")).toMatch(/live coverage/i);
    expect(head(html, "og:type")).toBe("website");
  });
});

describe("permalinks", () => {
  it("server-renders an entry 50 updates down the feed, with its own canonical URL, card and date-time", async () => {
    const first = published[0]!;
    const { status, html } = await page(`/live/${SLUG}/entries/${first.id}`);
    expect(status).toBe(200);
    expect(html).toContain(`id="linked-entry-${first.id}"`);
    expect(html).toMatch(/<h3[^>]*>The first update<\/h3>/);
    expect(html).toContain(`<time dateTime="${first.publishedAt}"`);
    expect(html).toContain('data-testid="stream"'); // the live page follows
    const permalink = `${server.url}/live/${SLUG}/entries/${first.id}`;
    expect(head(html, "canonical")).toBe(permalink);
    expect(head(html, "og:url")).toBe(permalink);
    expect(head(html, "og:title")).toBe("The first update · Storm & <Orla> live");
    expect(head(html, "og:description")).toBe("It begins.");
    const data = jsonLdOf(html);
    expectValidLiveBlogPosting(data);
    expect(data.liveBlogUpdate.map((u: { url: string }) => u.url)).toContain(permalink);
  });

  it("uses the entry's image for its card", async () => {
    const { html } = await page(`/live/${SLUG}/entries/${pictured.id}`);
    expect(head(html, "og:image")).toBe("https://images.example/quay.jpg");
    expect(head(html, "twitter:card")).toBe("summary_large_image");
    expect(head(html, "og:title")).toBe("Flooding on the quay. · Storm & <Orla> live");
  });

  it("answers unknown, draft, deleted and other blogs' entries with a real 404 page", async () => {
    const other = await publish("other-seo", { body: "<p>elsewhere</p>" });
    for (const path of [
      `/live/${SLUG}/entries/nope`,
      `/live/${SLUG}/entries/${draft.id}`,
      `/live/${SLUG}/entries/${deleted.id}`,
      `/live/${SLUG}/entries/${other.id}`,
      `/live/no-such-blog/entries/${published[0]!.id}`,
      `/live/${SLUG}/entries/%E0%A4%A`,
    ]) {
      const { status, html } = await page(path);
      expect(status, path).toBe(404);
      expect(html, path).toContain("Page not found");
    }
  });
});

describe("the Atom feed", () => {
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: "@",
    isArray: (name) =>
      ["entry", "link", "author", "id", "title", "updated", "published", "content", "category"].includes(name),
  });

  it("is a well-formed RFC 4287 feed of the newest 50 published entries, hostile text included", async () => {
    const response = await fetch(`${server.url}/live/${SLUG}/feed.xml`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/atom+xml; charset=utf-8");
    const xml = await response.text();
    expect(XMLValidator.validate(xml)).toBe(true);
    const { feed } = parser.parse(xml);
    expect(feed["@xmlns"]).toBe("http://www.w3.org/2005/Atom");

    // atom:feed: exactly one id (an absolute IRI), title and updated; a self link; an author (feed-level or in every entry).
    expect(feed.id).toHaveLength(1);
    expectAbsoluteUrl(feed.id[0]);
    expect(feed.title).toHaveLength(1);
    expect(feed.title[0]["#text"]).toBe("Storm & <Orla> live");
    expect(feed.updated).toHaveLength(1);
    expectDate(feed.updated[0]);
    const links = feed.link as { "@rel"?: string; "@href": string; "@type"?: string }[];
    expect(links.find((l) => l["@rel"] === "self")?.["@href"]).toBe(`${server.url}/live/${SLUG}/feed.xml`);
    expect(links.find((l) => l["@rel"] === "alternate")?.["@href"]).toBe(`${server.url}/live/${SLUG}`);
    expect(feed.author[0].name).toBe("Liveline");

    const entries = feed.entry as Record<string, any>[]; // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(entries).toHaveLength(50);
    const ids = entries.map((e) => e.id[0]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(
      published
        .slice(-50)
        .reverse()
        .map((e) => `${server.url}/live/${SLUG}/entries/${e.id}`),
    );
    for (const entry of entries) {
      expect(entry.id).toHaveLength(1);
      expect(entry.title).toHaveLength(1);
      expect(entry.updated).toHaveLength(1);
      expectDate(entry.updated[0]);
      expectDate(entry.published[0]);
      expect(entry.link.find((l: { "@rel": string }) => l["@rel"] === "alternate")["@href"]).toBe(entry.id[0]);
      expect(entry.author[0].name).toBe("Test editor");
      // type="html" content is escaped HTML: it parses back into the sanitized body.
      expect(entry.content[0]["@type"]).toBe("html");
      expect(entry.content[0]["#text"]).toMatch(/^<p>/);
    }
    expect(xml).not.toContain("Secret draft");
    expect(xml).not.toContain("Soon gone");
  });

  it("keeps headlines and bodies with <script>, & and ]]> intact as text", async () => {
    const feed = parser.parse(await (await fetch(`${server.url}/live/${SLUG}/feed.xml`)).text()).feed;
    const all = feed.entry as { id: string[]; title: { "#text": string }[]; content: { "#text": string }[] }[];
    const found = all.find((e) => e.id[0]!.endsWith(hostile.id));
    expect(found, "the hostile entry is in the newest 50").toBeDefined();
    expect(found!.title[0]!["#text"]).toBe(HOSTILE_HEADLINE);
    expect(found!.content[0]!["#text"]).toBe(hostile.body);
    expect(found!.content[0]!["#text"]).not.toContain("<script");
  });

  it("is a 404 for an unknown blog", async () => {
    expect((await fetch(`${server.url}/live/no-such-blog/feed.xml`)).status).toBe(404);
  });
});

describe("the embed", () => {
  it("may be framed by any site and links to the full page", async () => {
    const { status, html, headers } = await page(`/embed/${SLUG}`);
    expect(status).toBe(200);
    // The full policy (docs/security.md), with any site allowed to frame the embed.
    expect(headers.get("content-security-policy")).toContain("frame-ancestors *");
    expect(headers.get("content-security-policy")).not.toContain("frame-ancestors 'self'");
    expect(headers.get("x-frame-options")).toBeNull();
    expect(html).toMatch(/<h1[^>]*>Storm &amp; &lt;Orla&gt; live<\/h1>/);
    expect(html).toMatch(
      new RegExp(`<a href="${server.url}/live/${SLUG}" target="_blank" rel="noopener"[^>]*>Read more on Liveline`),
    );
    expect(html).not.toContain("<nav");
    expect(head(html, "robots")).toMatch(/noindex/);
  });

  it("is a real 404 page for an unknown blog, and the host script is served", async () => {
    const missing = await page("/embed/no-such-blog");
    expect(missing.status).toBe(404);
    expect(missing.html).toContain("Page not found");
    const script = await fetch(`${server.url}/embed.js`);
    expect(script.status).toBe(200);
    expect(script.headers.get("content-type")).toMatch(/javascript/);
    expect(await script.text()).toContain("liveline:resize");
  });

  it("loads its own script, content-hashed and cached for good, gzipped when the browser takes it", async () => {
    const { html } = await page(`/embed/${SLUG}`);
    const src = /<script src="(\/embed-assets\/embed-client\.[\w-]+\.js)" nonce="[^"]+"/.exec(html)?.[1];
    expect(src).toBeDefined();
    expect(html).not.toContain("/_next/");
    const gzipped = await fetch(server.url + src!, { headers: { "accept-encoding": "gzip" } });
    expect(gzipped.status).toBe(200);
    expect(gzipped.headers.get("content-encoding")).toBe("gzip");
    expect(gzipped.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(gzipped.headers.get("content-type")).toMatch(/javascript/);
    expect(await gzipped.text()).toContain("liveline:resize");
    expect((await fetch(`${server.url}/embed-assets/embed-client.other.js`)).status).toBe(404);
  });
});
