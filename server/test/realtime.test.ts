// Live push with real socket.io clients against the real process: rooms, typed events, seq, replay.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { EntryDTO } from "@/common/contracts/dto";
import { apiClient, startTestServer, waitFor, type TestServer } from "./harness";
import { closeSockets, connectSocket, joinBlog } from "./socket-reader";

let server: TestServer;
let editor: ReturnType<typeof apiClient>;

beforeAll(async () => {
  server = await startTestServer();
  editor = apiClient(server.url, server.users.editor.token);
  for (const slug of ["red-blog", "blue-blog"]) {
    expect((await editor("POST", "/api/blogs", { slug, title: slug })).status).toBe(201);
  }
});

afterEach(closeSockets);

afterAll(async () => {
  await server?.dispose();
});

const connectReader = () => connectSocket(server.url);

async function publish(slug: string, body: string): Promise<EntryDTO> {
  const res = await editor<{ entry: EntryDTO }>("POST", `/api/blogs/${slug}/entries`, { body });
  expect(res.status).toBe(201);
  return res.body.entry;
}

describe("blog rooms", () => {
  it("pushes every kind of change, with its seq, to that blog's readers only", async () => {
    const red = await connectReader();
    const blue = await connectReader();
    const redJoin = await joinBlog(red, { slug: "red-blog" });
    expect(redJoin).toEqual({ seq: 0, readers: 1 });
    expect(await joinBlog(blue, { slug: "blue-blog" })).toEqual({ seq: 0, readers: 1 });

    const entry = await publish("red-blog", "<p>first</p>");
    await editor("PATCH", `/api/blogs/red-blog/entries/${entry.id}`, { version: 1, headline: "Now with a headline" });
    await editor("PUT", `/api/blogs/red-blog/entries/${entry.id}/pin`);
    await editor("DELETE", `/api/blogs/red-blog/entries/${entry.id}/pin`);
    await editor("DELETE", `/api/blogs/red-blog/entries/${entry.id}`);
    await editor("PATCH", "/api/blogs/red-blog", { summary: "Updated summary" });

    await waitFor(() => (red.received.length >= 6 ? true : undefined), "six events");
    expect(red.received.map((e) => [e.type, e.payload.seq])).toEqual([
      ["entry:published", 1],
      ["entry:updated", 2],
      ["entry:pinned", 3],
      ["entry:unpinned", 4],
      ["entry:deleted", 5],
      ["blog:updated", 6],
    ]);
    const [published, updated] = red.received;
    expect(published).toMatchObject({
      payload: {
        blog: "red-blog",
        seq: 1,
        entry: { id: entry.id, body: "<p>first</p>", author: { name: "Test editor" } },
      },
    });
    expect(updated).toMatchObject({ payload: { entry: { headline: "Now with a headline", version: 2 } } });
    expect(red.received[4]).toEqual({ type: "entry:deleted", payload: { blog: "red-blog", seq: 5, id: entry.id } });
    expect(red.received[5]).toMatchObject({
      type: "blog:updated",
      payload: { blog: "red-blog", seq: 6, details: { summary: "Updated summary" } },
    });

    // A replay of the same changes says only what is true now: the entry is gone, the blog is as it is.
    const viaApi = await apiClient(server.url)("GET", "/api/blogs/red-blog/events?since=0");
    expect(viaApi.body).toEqual({ events: [red.received[4], red.received[5]], seq: 6, hasMore: false });
    // Give a stray cross-room event time to show up before saying there was none.
    await new Promise((r) => setTimeout(r, 200));
    expect(blue.received).toEqual([]);
  });

  it("does not push drafts", async () => {
    const reader = await connectReader();
    await joinBlog(reader, { slug: "blue-blog" });
    await editor("POST", "/api/blogs/blue-blog/entries", { body: "<p>draft</p>", status: "DRAFT" });
    const visible = await publish("blue-blog", "<p>visible</p>");
    const event = await waitFor(() => reader.received[0], "the published event");
    expect(event).toMatchObject({ type: "entry:published", payload: { entry: { id: visible.id } } });
    expect(reader.received).toHaveLength(1);
  });

  it("replays what a reader missed when it joins with since, then goes on live", async () => {
    const before = await apiClient(server.url)("GET", "/api/blogs/blue-blog");
    const since = before.body.blog.seq as number;
    const missed = [await publish("blue-blog", "<p>missed 1</p>"), await publish("blue-blog", "<p>missed 2</p>")];
    const reader = await connectReader();
    const ack = await joinBlog(reader, { slug: "blue-blog", since });
    // The join's answer carries what was missed, as each entry is now; nothing is sent separately.
    expect(ack).toEqual({
      seq: since + 2,
      readers: expect.any(Number),
      events: [expect.anything(), expect.anything()],
    });
    expect(ack.events?.map((e) => (e.type === "entry:published" ? [e.payload.seq, e.payload.entry.id] : null))).toEqual(
      missed.map((m, i) => [since + 1 + i, m.id]),
    );
    const live = await publish("blue-blog", "<p>live</p>");
    await waitFor(() => reader.received[0], "the live event");
    expect(reader.received).toEqual([
      expect.objectContaining({
        payload: expect.objectContaining({ seq: since + 3, entry: expect.objectContaining({ id: live.id }) }),
      }),
    ]);
  });

  it("moves a reader to the room of the last blog it joined", async () => {
    const reader = await connectReader();
    await joinBlog(reader, { slug: "red-blog" });
    await joinBlog(reader, { slug: "blue-blog" });
    await publish("red-blog", "<p>red only</p>");
    const blueEntry = await publish("blue-blog", "<p>blue only</p>");
    const event = await waitFor(() => reader.received[0], "an event");
    expect(event).toMatchObject({ payload: { blog: "blue-blog", entry: { id: blueEntry.id } } });
    await new Promise((r) => setTimeout(r, 200));
    expect(reader.received).toHaveLength(1);
  });

  it("answers a bad join with an error, and the socket hears nothing", async () => {
    const reader = await connectReader();
    expect((await joinBlog(reader, { slug: "no-such-blog" })).error).toMatch(/no blog/);
    expect((await joinBlog(reader, { slug: "Bad Slug" })).error).toMatch(/slug/);
    expect((await joinBlog(reader, { slug: "red-blog", since: -4 })).error).toMatch(/since/);
    expect((await joinBlog(reader, "red-blog")).error).toBeDefined();
    expect((await joinBlog(reader, { slug: "red-blog", admin: true })).error).toMatch(/admin/);
    await publish("red-blog", "<p>not for you</p>");
    await new Promise((r) => setTimeout(r, 200));
    expect(reader.received).toEqual([]);
  });

  it("gives a reader socket no way to write", async () => {
    const reader = await connectReader();
    await joinBlog(reader, { slug: "red-blog" });
    const count = await server.db.prisma.entry.count();
    // Events a reader might try to send are not part of the protocol; the server ignores them.
    for (const name of ["entry:published", "entry:create", "entry:deleted", "blog:updated"]) {
      (reader.emit as (...args: unknown[]) => void)(name, {
        blog: "red-blog",
        seq: 999,
        entry: { body: "<p>forged</p>" },
      });
    }
    await new Promise((r) => setTimeout(r, 200));
    expect(await server.db.prisma.entry.count()).toBe(count);
    expect(reader.received).toEqual([]);
    expect(reader.connected).toBe(true);
  });
});

describe("the socket fast paths (server/realtime/engine-internals.ts)", () => {
  it("pass their start-up and first-connection checks on the installed engine.io and ws", async () => {
    const reader = await connectReader();
    await joinBlog(reader, { slug: "red-blog" });
    const entry = await publish("red-blog", "<p>through the fast path</p>");
    await waitFor(
      () => reader.received.find((e) => e.type === "entry:published" && e.payload.entry.id === entry.id),
      "the entry",
    );
    expect(server.output()).not.toMatch(/fast paths off|fan-out is off/);
  });

  it("switched off (SOCKET_FAST_PATHS=0), socket.io's own paths deliver the same events", async () => {
    const plain = await startTestServer({ env: { SOCKET_FAST_PATHS: "0" } });
    try {
      const as = apiClient(plain.url, plain.users.editor.token);
      expect((await as("POST", "/api/blogs", { slug: "plain-blog", title: "Plain" })).status).toBe(201);
      const readers = await Promise.all([connectSocket(plain.url), connectSocket(plain.url)]);
      for (const reader of readers) await joinBlog(reader, { slug: "plain-blog" });
      const ids: string[] = [];
      for (let i = 0; i < 3; i++)
        ids.push((await as("POST", "/api/blogs/plain-blog/entries", { body: `<p>${i}</p>` })).body.entry.id);
      for (const reader of readers) {
        await waitFor(() => reader.received.length === 3, "three entries");
        expect(reader.received.map((e) => (e.type === "entry:published" ? e.payload.entry.id : null))).toEqual(ids);
      }
    } finally {
      await plain.dispose();
    }
  });
});
