// Live push with real socket.io clients against the real process: rooms, typed events, seq, replay.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { io, type Socket } from "socket.io-client";
import type { EntryDTO } from "../contracts/dto";
import type { BlogEvent, ClientToServerEvents, JoinAck, ServerToClientEvents } from "../contracts/events";
import { BLOG_EVENT_TYPES } from "../contracts/events";
import { apiClient, startTestServer, waitFor, type TestServer } from "./harness";

type Reader = Socket<ServerToClientEvents, ClientToServerEvents> & { events: BlogEvent[] };

let server: TestServer;
let editor: ReturnType<typeof apiClient>;
const sockets: Reader[] = [];

beforeAll(async () => {
  server = await startTestServer();
  editor = apiClient(server.url, server.users.editor.token);
  for (const slug of ["red-blog", "blue-blog"]) {
    expect((await editor("POST", "/api/blogs", { slug, title: slug })).status).toBe(201);
  }
});

afterEach(() => {
  while (sockets.length) sockets.pop()!.disconnect();
});

afterAll(async () => {
  await server?.dispose();
});

async function connectReader(): Promise<Reader> {
  const socket = io(server.url, { transports: ["websocket"], forceNew: true, reconnection: false }) as Reader;
  socket.events = [];
  for (const type of BLOG_EVENT_TYPES) {
    socket.on(type, ((payload: BlogEvent["payload"]) => socket.events.push({ type, payload } as BlogEvent)) as never);
  }
  sockets.push(socket);
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", () => resolve());
    socket.once("connect_error", reject);
  });
  return socket;
}

function join(socket: Reader, request: unknown): Promise<JoinAck> {
  return new Promise((resolve) => (socket.emit as (...args: unknown[]) => void)("blog:join", request, resolve));
}

async function publish(slug: string, body: string): Promise<EntryDTO> {
  const res = await editor<{ entry: EntryDTO }>("POST", `/api/blogs/${slug}/entries`, { body });
  expect(res.status).toBe(201);
  return res.body.entry;
}

describe("blog rooms", () => {
  it("pushes every kind of change, with its seq, to that blog's readers only", async () => {
    const red = await connectReader();
    const blue = await connectReader();
    const redJoin = await join(red, { slug: "red-blog" });
    expect(redJoin).toEqual({ seq: 0 });
    expect(await join(blue, { slug: "blue-blog" })).toEqual({ seq: 0 });

    const entry = await publish("red-blog", "<p>first</p>");
    await editor("PATCH", `/api/blogs/red-blog/entries/${entry.id}`, { version: 1, headline: "Now with a headline" });
    await editor("PUT", `/api/blogs/red-blog/entries/${entry.id}/pin`);
    await editor("DELETE", `/api/blogs/red-blog/entries/${entry.id}/pin`);
    await editor("DELETE", `/api/blogs/red-blog/entries/${entry.id}`);
    await editor("PATCH", "/api/blogs/red-blog", { summary: "Updated summary" });

    await waitFor(() => (red.events.length >= 6 ? true : undefined), "six events");
    expect(red.events.map((e) => [e.type, e.payload.seq])).toEqual([
      ["entry:published", 1],
      ["entry:updated", 2],
      ["entry:pinned", 3],
      ["entry:unpinned", 4],
      ["entry:deleted", 5],
      ["blog:updated", 6],
    ]);
    const [published, updated] = red.events;
    expect(published).toMatchObject({ payload: { blog: "red-blog", seq: 1, entry: { id: entry.id, body: "<p>first</p>", author: { name: "Test editor" } } } });
    expect(updated).toMatchObject({ payload: { entry: { headline: "Now with a headline", version: 2 } } });
    expect(red.events[4]).toEqual({ type: "entry:deleted", payload: { blog: "red-blog", seq: 5, id: entry.id } });
    expect(red.events[5]).toMatchObject({ type: "blog:updated", payload: { blog: "red-blog", seq: 6, details: { summary: "Updated summary" } } });

    // The event the reader got is the entry exactly as the API answers it.
    const viaApi = await apiClient(server.url)("GET", "/api/blogs/red-blog/events?since=0");
    expect(viaApi.body.events).toEqual(red.events);
    // Give a stray cross-room event time to show up before saying there was none.
    await new Promise((r) => setTimeout(r, 200));
    expect(blue.events).toEqual([]);
  });

  it("does not push drafts", async () => {
    const reader = await connectReader();
    await join(reader, { slug: "blue-blog" });
    await editor("POST", "/api/blogs/blue-blog/entries", { body: "<p>draft</p>", status: "DRAFT" });
    const visible = await publish("blue-blog", "<p>visible</p>");
    const event = await waitFor(() => reader.events[0], "the published event");
    expect(event).toMatchObject({ type: "entry:published", payload: { entry: { id: visible.id } } });
    expect(reader.events).toHaveLength(1);
  });

  it("replays what a reader missed when it joins with since, then goes on live", async () => {
    const before = await apiClient(server.url)("GET", "/api/blogs/blue-blog");
    const since = before.body.blog.seq as number;
    const missed = [await publish("blue-blog", "<p>missed 1</p>"), await publish("blue-blog", "<p>missed 2</p>")];
    const reader = await connectReader();
    const ack = await join(reader, { slug: "blue-blog", since });
    expect(ack).toEqual({ seq: since + 2 });
    expect(reader.events.map((e) => (e.type === "entry:published" ? e.payload.entry.id : null))).toEqual(missed.map((m) => m.id));
    const live = await publish("blue-blog", "<p>live</p>");
    await waitFor(() => reader.events[2], "the live event");
    expect(reader.events[2]).toMatchObject({ payload: { seq: since + 3, entry: { id: live.id } } });
  });

  it("moves a reader to the room of the last blog it joined", async () => {
    const reader = await connectReader();
    await join(reader, { slug: "red-blog" });
    await join(reader, { slug: "blue-blog" });
    await publish("red-blog", "<p>red only</p>");
    const blueEntry = await publish("blue-blog", "<p>blue only</p>");
    const event = await waitFor(() => reader.events[0], "an event");
    expect(event).toMatchObject({ payload: { blog: "blue-blog", entry: { id: blueEntry.id } } });
    await new Promise((r) => setTimeout(r, 200));
    expect(reader.events).toHaveLength(1);
  });

  it("answers a bad join with an error, and the socket hears nothing", async () => {
    const reader = await connectReader();
    expect((await join(reader, { slug: "no-such-blog" })).error).toMatch(/no blog/);
    expect((await join(reader, { slug: "Bad Slug" })).error).toMatch(/slug/);
    expect((await join(reader, { slug: "red-blog", since: -4 })).error).toMatch(/since/);
    expect((await join(reader, "red-blog")).error).toBeDefined();
    expect((await join(reader, { slug: "red-blog", admin: true })).error).toMatch(/admin/);
    await publish("red-blog", "<p>not for you</p>");
    await new Promise((r) => setTimeout(r, 200));
    expect(reader.events).toEqual([]);
  });

  it("gives a reader socket no way to write", async () => {
    const reader = await connectReader();
    await join(reader, { slug: "red-blog" });
    const count = await server.db.prisma.entry.count();
    // Events a reader might try to send are not part of the protocol; the server ignores them.
    for (const name of ["entry:published", "entry:create", "entry:deleted", "blog:updated"]) {
      (reader.emit as (...args: unknown[]) => void)(name, { blog: "red-blog", seq: 999, entry: { body: "<p>forged</p>" } });
    }
    await new Promise((r) => setTimeout(r, 200));
    expect(await server.db.prisma.entry.count()).toBe(count);
    expect(reader.events).toEqual([]);
    expect(reader.connected).toBe(true);
  });
});
