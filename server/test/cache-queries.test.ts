// A spike of readers costs database queries per change, not per view: the process counts its queries
// (LIVELINE_DEBUG_STATS=1 serves them at /_debug/stats) while readers load pages and the entries API.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EntryDTO } from "@/common/contracts/dto";
import { apiClient, startTestServer, type TestServer } from "./harness";

let server: TestServer;
let editor: ReturnType<typeof apiClient>;
const slug = "busy-blog";

beforeAll(async () => {
  // Anonymous reads are rate-limited per address; here every reader is this test.
  server = await startTestServer({ env: { LIVELINE_DEBUG_STATS: "1", READ_RATE_PER_MINUTE: "0" } });
  editor = apiClient(server.url, server.users.editor.token);
  expect((await editor("POST", "/api/blogs", { slug, title: "Busy blog" })).status).toBe(201);
});

afterAll(async () => {
  await server?.dispose();
});

async function queries(): Promise<number> {
  const res = await fetch(`${server.url}/_debug/stats`);
  expect(res.status).toBe(200);
  return ((await res.json()) as { queries: number }).queries;
}

async function publish(body: string): Promise<EntryDTO> {
  const res = await editor<{ entry: EntryDTO }>("POST", `/api/blogs/${slug}/entries`, { body });
  expect(res.status).toBe(201);
  return res.body.entry;
}

/** n readers each loading the live page and what its client and a list page ask for, 10 at a time. */
async function views(n: number): Promise<{ pages: string[]; firstIds: string[] }> {
  const pages: string[] = [];
  const firstIds: string[] = [];
  for (let i = 0; i < n; i += 10) {
    await Promise.all(
      Array.from({ length: Math.min(10, n - i) }, async () => {
        const page = await fetch(`${server.url}/live/${slug}`);
        expect(page.status).toBe(200);
        pages.push(await page.text());
        const entries = await fetch(`${server.url}/api/blogs/${slug}/entries`);
        firstIds.push(((await entries.json()) as { entries: EntryDTO[] }).entries[0]?.id ?? "");
        expect((await fetch(`${server.url}/api/blogs/${slug}`)).status).toBe(200);
        expect((await fetch(`${server.url}/api/blogs`)).status).toBe(200);
      }),
    );
  }
  return { pages, firstIds };
}

describe("the read cache", () => {
  it("serves 50 views after a change with a few queries, then none, and the next change shows at once", async () => {
    const first = await publish("<p>Polls close at ten</p>");
    const before = await queries();
    const burst = await views(50);
    const afterChange = (await queries()) - before;
    // The reader page (blog + pinned + first page + key events), the API's first page, the blog and the list
    // (four: blogs, entry counts, newest pictured entry per blog, those entries): once each for the 50 views
    // (a handful more when the first views arrive together), never 50 times.
    expect(afterChange).toBeGreaterThan(0);
    expect(afterChange, `${afterChange} queries for 50 views after a change`).toBeLessThanOrEqual(18);
    expect(new Set(burst.firstIds)).toEqual(new Set([first.id]));
    expect(burst.pages.every((html) => html.includes("Polls close at ten"))).toBe(true);

    const steady = await queries();
    await views(50);
    expect((await queries()) - steady).toBe(0);

    const second = await publish("<p>First results are in</p>");
    const afterPublish = await queries();
    const next = await views(50);
    expect(next.firstIds.every((id) => id === second.id)).toBe(true);
    expect(next.pages.every((html) => html.includes("First results are in"))).toBe(true);
    const afterNext = (await queries()) - afterPublish;
    expect(afterNext, `${afterNext} queries for 50 views after the next change`).toBeLessThanOrEqual(18);
    console.log(`[cache-queries] 50 views after a change: ${afterChange} queries, then ${afterNext}`);
  });

  it("shows blog edits and new blogs at once", async () => {
    await views(5);
    expect((await editor("PATCH", `/api/blogs/${slug}`, { title: "Busy blog, renamed" })).status).toBe(200);
    expect(
      ((await (await fetch(`${server.url}/api/blogs/${slug}`)).json()) as { blog: { title: string } }).blog.title,
    ).toBe("Busy blog, renamed");
    expect(await (await fetch(`${server.url}/live/${slug}`)).text()).toContain("Busy blog, renamed");

    expect((await editor("POST", "/api/blogs", { slug: "new-blog", title: "A new blog" })).status).toBe(201);
    const list = (await (await fetch(`${server.url}/api/blogs`)).json()) as { blogs: { slug: string }[] };
    expect(list.blogs.map((b) => b.slug)).toContain("new-blog");
    expect(await (await fetch(`${server.url}/`)).text()).toContain("A new blog");
  });

  it("never caches an unknown blog: it stays a real 404 and costs one query per view", async () => {
    const before = await queries();
    for (let i = 0; i < 3; i++) expect((await fetch(`${server.url}/live/no-such-blog`)).status).toBe(404);
    expect((await fetch(`${server.url}/api/blogs/no-such-blog/entries`)).status).toBe(404);
    expect((await queries()) - before).toBeGreaterThanOrEqual(4);
  });
});
