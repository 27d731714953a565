// Reader pages are server-rendered: the first HTML already holds the entries (no loading spinner).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EntryDTO } from "@/common/contracts/dto";
import { apiClient, startTestServer, type TestServer } from "./harness";

let server: TestServer;
let editor: ReturnType<typeof apiClient>;

beforeAll(async () => {
  server = await startTestServer();
  editor = apiClient(server.url, server.users.editor.token);
  await editor("POST", "/api/blogs", { slug: "ended-story", title: "An ended story", summary: "Done." });
  await editor("PATCH", "/api/blogs/ended-story", { status: "ENDED" });
  await editor("POST", "/api/blogs", { slug: "live-story", title: "A live story", summary: "Follow along." });
});

afterAll(async () => {
  await server?.dispose();
});

async function publish(body: Record<string, unknown>): Promise<EntryDTO> {
  const res = await editor<{ entry: EntryDTO }>("POST", "/api/blogs/live-story/entries", body);
  expect(res.status).toBe(201);
  return res.body.entry;
}

describe("reader pages", () => {
  it("lists blogs on /, live ones first", async () => {
    const html = await (await fetch(`${server.url}/`)).text();
    expect(html.indexOf("A live story")).toBeGreaterThan(-1);
    expect(html.indexOf("A live story")).toBeLessThan(html.indexOf("An ended story"));
    expect(html).toContain('href="/live/live-story"');
  });

  it("renders the blog with pinned entries on top, then the stream newest first, in the first HTML", async () => {
    const older = await publish({ headline: "Older news", body: "<p>older body</p>" });
    const pinned = await publish({ headline: "Key points", body: "<ul><li>point</li></ul>" });
    await editor("PUT", `/api/blogs/live-story/entries/${pinned.id}/pin`);
    const newer = await publish({ headline: "Newer news", body: "<p>newer <strong>body</strong></p>" });

    const response = await fetch(`${server.url}/live/live-story`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toMatch(/<h1[^>]*>A live story<\/h1>/);
    expect(html).toContain("Follow along.");
    expect(html).toMatch(/>Live</);
    // The pinned copy on top, then the stream in publication order, the pinned entry in its place too.
    const order = [
      html.indexOf(`<article id="pinned-${pinned.id}"`),
      ...[newer, pinned, older].map((e) => html.indexOf(`<article id="entry-${e.id}"`)),
    ];
    expect(order.every((i) => i > -1)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(html.toLowerCase()).toContain(`<time datetime="${newer.publishedAt!.toLowerCase()}"`);
    expect(html).toMatch(/<h3[^>]*>Newer news<\/h3>/);
    expect(html).toContain("<p>newer <strong>body</strong></p>");
    expect(html).toContain("Test editor");
  });

  it("shows 20 entries and a Load older control when there are more", async () => {
    for (let i = 0; i < 20; i++) await publish({ body: `<p>bulk ${i}</p>` });
    const html = await (await fetch(`${server.url}/live/live-story`)).text();
    const stream = html.slice(html.indexOf('data-testid="stream"'));
    expect(stream.match(/<article id="entry-/g)).toHaveLength(20);
    expect(html).toContain("Load older");
  });

  it("lists every key event in the timeline, even one far below the first page", async () => {
    await editor("POST", "/api/blogs", { slug: "timeline-story", title: "Timeline" });
    const early = await editor<{ entry: EntryDTO }>("POST", "/api/blogs/timeline-story/entries", {
      headline: "Early key moment",
      body: "<p>k</p>",
      keyEvent: true,
    });
    for (let i = 0; i < 25; i++)
      await editor("POST", "/api/blogs/timeline-story/entries", { body: `<p>filler ${i}</p>` });
    const html = await (await fetch(`${server.url}/live/timeline-story`)).text();
    const timeline = html.slice(html.indexOf('data-testid="key-events"'), html.indexOf('data-testid="stream"'));
    expect(timeline).toContain(`href="/live/timeline-story/entries/${early.body.entry.id}"`);
    expect(timeline).toContain("Early key moment");
    // It is not in the first page of the stream itself.
    expect(html.slice(html.indexOf('data-testid="stream"'))).not.toContain(`id="entry-${early.body.entry.id}"`);
  });

  it("marks an ended blog as ended", async () => {
    const html = await (await fetch(`${server.url}/live/ended-story`)).text();
    expect(html).toMatch(/>Ended</);
  });

  it("answers an unknown blog with a real 404 page", async () => {
    const response = await fetch(`${server.url}/live/no-such-story`);
    expect(response.status).toBe(404);
    expect(await response.text()).toContain("Page not found");
  });
});
