// Pinned entries in the editors' order and the stream in both orders, against the real process: HTTP for the
// API, real socket.io clients for readers (raw sockets, and the page's own subscription and feed state).
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { BlogDTO, EntryDTO, EntryPage } from "@/common/contracts/dto";
import { apiClient, startTestServer, waitFor, type TestServer } from "./harness";
import { LiveReader } from "./delivery-reader";
import { closeSockets, connectSocket, joinBlog } from "./socket-reader";

let server: TestServer;
let editor: ReturnType<typeof apiClient>;
let journalist: ReturnType<typeof apiClient>;
const readers: LiveReader[] = [];

beforeAll(async () => {
  server = await startTestServer();
  editor = apiClient(server.url, server.users.editor.token);
  journalist = apiClient(server.url, server.users.journalist.token);
});

afterEach(() => {
  closeSockets();
  for (const reader of readers.splice(0)) reader.close();
});

afterAll(async () => {
  await server?.dispose();
});

async function blogWith(slug: string, count: number): Promise<{ blog: BlogDTO; entries: EntryDTO[] }> {
  const created = await editor<{ blog: BlogDTO }>("POST", "/api/blogs", { slug, title: slug });
  expect(created.status).toBe(201);
  const entries: EntryDTO[] = [];
  for (let i = 0; i < count; i++) {
    const res = await editor<{ entry: EntryDTO }>("POST", `/api/blogs/${slug}/entries`, {
      body: `<p>${slug} ${i}</p>`,
      headline: `${slug} ${i}`,
    });
    expect(res.status).toBe(201);
    entries.push(res.body.entry);
  }
  return { blog: created.body.blog, entries };
}

const ids = (list: { id: string }[]) => list.map((e) => e.id);

describe("PUT /api/blogs/{slug}/pins", () => {
  it("reorders the pinned entries for readers live, and a reader that reconnects gets the same order", async () => {
    const { blog, entries } = await blogWith("pins-live", 4);
    const [a, b, c] = entries as [EntryDTO, EntryDTO, EntryDTO];
    for (const entry of [a, b, c]) {
      expect((await editor("PUT", `/api/blogs/pins-live/entries/${entry.id}/pin`)).status).toBe(200);
    }
    const raw = await connectSocket(server.url);
    const seq = (await joinBlog(raw, { slug: "pins-live" })).seq!;
    // A page as the browser runs it, rendered before anything was pinned (it catches up by replay).
    const page = new LiveReader(server.url, "pins-live", blog, { since: 0, reconnection: false });
    readers.push(page);
    await page.start();
    await waitFor(() => page.seq === seq, "the page to catch up");
    expect(page.pinnedIds()).toEqual([c.id, b.id, a.id]);

    const order = [b.id, a.id, c.id];
    const res = await journalist<{ pinned: EntryDTO[] }>("PUT", "/api/blogs/pins-live/pins", { order });
    expect(res.status).toBe(200);
    expect(ids(res.body.pinned)).toEqual(order);
    await waitFor(() => raw.received.find((e) => e.type === "pins:reordered"), "the new order, live");
    expect(raw.received.at(-1)).toEqual({
      type: "pins:reordered",
      payload: { blog: "pins-live", seq: seq + 1, order },
    });
    await waitFor(() => page.seq === seq + 1, "the page to apply it");
    expect(page.pinnedIds()).toEqual(order);
    // Pinned entries keep their place in the stream, marked.
    expect(page.shownIds()).toEqual(ids(entries).reverse());
    expect(
      page.state.entries
        .filter((e) => e.pinned)
        .map((e) => e.id)
        .sort(),
    ).toEqual([a.id, b.id, c.id].sort());

    // Gone while it changed again: a reader that comes back (replay on join) shows the order as it is now.
    page.close();
    const again = [c.id, b.id, a.id];
    expect((await editor("PUT", "/api/blogs/pins-live/pins", { order: again })).status).toBe(200);
    const back = new LiveReader(server.url, "pins-live", blog, { since: seq + 1, reconnection: false });
    readers.push(back);
    back.state = page.state;
    await back.start();
    await waitFor(() => back.seq === seq + 2, "the replay");
    expect(back.pinnedIds()).toEqual(again);
    const fresh = new LiveReader(server.url, "pins-live", blog, { since: 0, reconnection: false });
    readers.push(fresh);
    await fresh.start();
    await waitFor(() => fresh.seq === seq + 2, "a full replay");
    expect(fresh.pinnedIds()).toEqual(again);

    // The API lists the pinned area in the same order.
    const pinned = await apiClient(server.url)<EntryPage>("GET", "/api/blogs/pins-live/entries?pinned=true");
    expect(ids(pinned.body.entries).sort()).toEqual([...again].sort());
  });

  it("refuses an order that is not exactly the pinned set, and anyone not signed in", async () => {
    const { entries } = await blogWith("pins-bad", 3);
    const [a, b, c] = entries as [EntryDTO, EntryDTO, EntryDTO];
    for (const entry of [a, b]) await editor("PUT", `/api/blogs/pins-bad/entries/${entry.id}/pin`);
    for (const order of [[a.id], [a.id, b.id, c.id], [a.id, a.id], [a.id, "x".repeat(65)]]) {
      const res = await editor<{ error: string }>("PUT", "/api/blogs/pins-bad/pins", { order });
      expect(res.status).toBe(400);
      expect(res.body.error).toMatch(/^order/);
    }
    expect((await editor("PUT", "/api/blogs/pins-bad/pins", { order: [a.id, b.id], extra: 1 })).status).toBe(400);
    expect((await apiClient(server.url)("PUT", "/api/blogs/pins-bad/pins", { order: [a.id, b.id] })).status).toBe(401);
    expect((await editor("PUT", "/api/blogs/nope/pins", { order: [] })).status).toBe(404);
  });

  it("keeps every pin exactly once when reorders and unpins race", async () => {
    const { entries } = await blogWith("pins-race", 4);
    for (const entry of entries) await editor("PUT", `/api/blogs/pins-race/entries/${entry.id}/pin`);
    const current = async () =>
      ids((await editor<EntryPage>("GET", "/api/blogs/pins-race/entries?pinned=true&limit=100")).body.entries);
    for (let round = 0; round < 4; round++) {
      const set = await current();
      const statuses = await Promise.all([
        editor("PUT", "/api/blogs/pins-race/pins", { order: [...set].reverse() }).then((r) => r.status),
        journalist("PUT", "/api/blogs/pins-race/pins", { order: [...set].sort() }).then((r) => r.status),
        editor(round % 2 ? "PUT" : "DELETE", `/api/blogs/pins-race/entries/${entries[round]!.id}/pin`).then(
          (r) => r.status,
        ),
      ]);
      for (const status of statuses) expect([200, 400]).toContain(status);
      const page = new LiveReader(
        server.url,
        "pins-race",
        (await editor<{ blog: BlogDTO }>("GET", "/api/blogs/pins-race")).body.blog,
        {
          since: 0,
          reconnection: false,
        },
      );
      readers.push(page);
      await page.start();
      const { blog } = (await editor<{ blog: BlogDTO }>("GET", "/api/blogs/pins-race")).body;
      await waitFor(() => page.seq >= blog.seq, "the replay");
      const shown = page.pinnedIds();
      expect(new Set(shown).size).toBe(shown.length);
      expect([...shown].sort()).toEqual((await current()).sort());
    }
  });
});

describe("GET /api/blogs/{slug}/entries in both orders", () => {
  it("pages oldest first with after and newest first with before, and refuses a cursor the other way", async () => {
    const { entries } = await blogWith("order-api", 5);
    const anon = apiClient(server.url);
    const first = await anon<EntryPage>("GET", "/api/blogs/order-api/entries?order=asc&limit=2");
    expect(ids(first.body.entries)).toEqual(ids(entries.slice(0, 2)));
    const cursor = encodeURIComponent(first.body.nextCursor!);
    const second = await anon<EntryPage>("GET", `/api/blogs/order-api/entries?order=asc&limit=2&after=${cursor}`);
    expect(ids(second.body.entries)).toEqual(ids(entries.slice(2, 4)));
    // The same position read the other way: what came before it, newest first.
    const back = await anon<EntryPage>("GET", `/api/blogs/order-api/entries?limit=5&before=${cursor}`);
    expect(ids(back.body.entries)).toEqual([entries[0]!.id]);
    expect((await anon("GET", `/api/blogs/order-api/entries?order=asc&before=${cursor}`)).status).toBe(400);
    expect((await anon("GET", `/api/blogs/order-api/entries?after=${cursor}`)).status).toBe(400);
    expect((await anon("GET", "/api/blogs/order-api/entries?order=sideways")).status).toBe(400);
  });

  it("lets editors set the blog's default order, and readers see it", async () => {
    await blogWith("order-default", 0);
    expect((await journalist("PATCH", "/api/blogs/order-default", { defaultSort: "OLDEST" })).status).toBe(403);
    const res = await editor<{ blog: BlogDTO }>("PATCH", "/api/blogs/order-default", { defaultSort: "OLDEST" });
    expect(res.status).toBe(200);
    expect(res.body.blog.defaultSort).toBe("OLDEST");
    expect((await editor("PATCH", "/api/blogs/order-default", { defaultSort: "RANDOM" })).status).toBe(400);
    const read = await apiClient(server.url)<{ blog: BlogDTO }>("GET", "/api/blogs/order-default");
    expect(read.body.blog.defaultSort).toBe("OLDEST");
  });
});
