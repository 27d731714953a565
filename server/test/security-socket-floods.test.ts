// What an anonymous client can make a node hold through socket.io, tried the way an attacker would, with
// hand-made engine.io clients (raw-engine-client.ts): joins from a socket that never reads, readers that
// stop reading while entries are published, many slow sockets from one address, and connections that
// never open the namespace. Each time, other readers keep receiving.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { JOIN_REPLAY } from "../realtime/create-realtime-server";
import { apiClient, startTestServer, waitFor, type TestServer } from "./harness";
import { eventPacket, rawPollingClient, rawWebSocket, type RawWebSocket } from "./raw-engine-client";
import { closeSockets, connectSocket, joinBlog, joinNewsroom } from "./socket-reader";

let server: TestServer;
let editor: ReturnType<typeof apiClient>;
const raw: RawWebSocket[] = [];

// Small budgets so a test reaches them quickly; TRUST_PROXY=1 lets each test be its own client address.
const ENV = {
  TRUST_PROXY: "1",
  LIVELINE_DEBUG_STATS: "1",
  WRITE_RATE_PER_MINUTE: "0",
  READ_RATE_PER_MINUTE: "0",
  SOCKET_MAX_CONNECTIONS_PER_IP: "4",
  SOCKET_JOIN_BURST: "5",
  SOCKET_JOINS_PER_MINUTE: "1",
  SOCKET_MAX_UNSENT_KB: "64",
  SOCKET_MAX_UNSENT_KB_PER_IP: "160",
};

beforeAll(async () => {
  server = await startTestServer({ env: ENV });
  editor = apiClient(server.url, server.users.editor.token);
});

afterEach(() => {
  while (raw.length) raw.pop()!.close();
  closeSockets();
});

afterAll(async () => {
  await server?.dispose();
});

let nextAddress = 1;
/** A fresh client address (the test server trusts one proxy hop). */
const address = () => ({ "x-forwarded-for": `198.51.100.${nextAddress++}` });

async function newBlog(slug: string): Promise<void> {
  expect((await editor("POST", "/api/blogs", { slug, title: slug })).status).toBe(201);
}

async function publish(slug: string, body: string): Promise<string> {
  const answer = await editor("POST", `/api/blogs/${slug}/entries`, { body });
  expect(answer.status).toBe(201);
  return answer.body.entry.id as string;
}

/**
 * Entries published long ago, each with its event in the log, written in bulk (hundreds of publishes one by one
 * would take most of a test's time); the blog's seq follows, as a publish leaves it.
 */
async function seedPublished(slug: string, count: number, body: string): Promise<void> {
  const p = server.db.prisma;
  const blog = await p.blog.findUniqueOrThrow({ where: { slug } });
  const ids = Array.from({ length: count }, (_, i) => `seed-${slug}-${i}`);
  const at = (i: number) => new Date(Date.now() - (count - i) * 1000);
  await p.entry.createMany({
    data: ids.map((id, i) => ({
      id,
      blogId: blog.id,
      authorId: server.users.editor.id,
      body,
      status: "PUBLISHED" as const,
      publishedAt: at(i),
    })),
  });
  await p.blogEvent.createMany({
    data: ids.map((id, i) => ({ blogId: blog.id, seq: blog.seq + i + 1, type: "entry:published", entryId: id })),
  });
  await p.blog.update({ where: { id: blog.id }, data: { seq: blog.seq + count } });
}

/** A reader on another address, joined to `slug`, that must keep hearing every entry whatever the attacker does. */
async function bystander(slug: string) {
  const socket = await connectSocket(server.url, { headers: address() });
  expect(await joinBlog(socket, { slug })).toMatchObject({ seq: expect.any(Number) });
  return socket;
}

async function stats(): Promise<{ sockets: number; memory: { rss: number } }> {
  return (await fetch(`${server.url}/_debug/stats`)).json();
}

describe("a socket that stops reading", () => {
  it("asks for the whole log 50 times: the node grows by less than 50 MB, and other readers keep receiving", async () => {
    // A busy blog: 400 entries of about 6 KB. Before, each join queued the whole log for the socket (every
    // version of every entry); now a join more than one replay behind answers `reset`.
    const slug = "busy-day";
    await newBlog(slug);
    const text = `<p>${"A long paragraph of reporting from the scene. ".repeat(128)}</p>`;
    await seedPublished(slug, 400, text);
    const reader = await bystander(slug);

    const attacker = await rawWebSocket(server.url, address());
    raw.push(attacker);
    await attacker.openNamespace();
    const before = (await stats()).memory.rss;
    attacker.stopReading();
    for (let id = 0; id < 50; id++) attacker.ws.send(eventPacket(id, "blog:join", { slug, since: 0 }));
    // Smaller asks that a replay would answer are throttled per connection.
    for (let id = 50; id < 100; id++) attacker.ws.send(eventPacket(id, "blog:join", { slug, since: 390 }));
    await new Promise((r) => setTimeout(r, 2_000));
    const grown = (await stats()).memory.rss - before;
    expect(grown).toBeLessThan(50 * 1024 * 1024);

    const id = await publish(slug, "<p>Still live for everyone else.</p>");
    await waitFor(
      () => reader.received.some((e) => e.type === "entry:published" && e.payload.entry.id === id),
      "the bystander to hear the new entry",
    );
  });

  it("is dropped once more than SOCKET_MAX_UNSENT_KB waits for it; its reader comes back and catches up", async () => {
    const slug = "slow-reader";
    await newBlog(slug);
    const reader = await bystander(slug);
    // Long-polling that stops polling: what the server sends waits in its queue, nowhere else.
    const slow = await rawPollingClient(server.url, address());
    await slow.send(eventPacket(1, "blog:join", { slug }));
    await slow.poll();
    const body = `<p>${"x".repeat(9_000)}</p>`;
    const ids: string[] = [];
    for (let i = 0; i < 10; i++) ids.push(await publish(slug, body));
    await waitFor(async () => !(await slow.alive()), "the slow reader to be dropped");
    await waitFor(
      () => reader.received.filter((e) => e.type === "entry:published").length === 10,
      "the bystander to hear all ten",
    );

    // The dropped reader's page reconnects from its seq and gets what it missed, as it is now.
    const back = await connectSocket(server.url, { headers: address() });
    const ack = await joinBlog(back, { slug, since: 0 });
    expect(ack.events?.map((e) => (e.type === "entry:published" ? e.payload.entry.id : null))).toEqual(ids);
  });

  it("many slow sockets from one address share one budget: the biggest are dropped, the rest stay", async () => {
    const slug = "slow-address";
    await newBlog(slug);
    const reader = await bystander(slug);
    const from = address();
    const slow = [
      await rawPollingClient(server.url, from),
      await rawPollingClient(server.url, from),
      await rawPollingClient(server.url, from),
    ];
    for (const client of slow) {
      await client.send(eventPacket(1, "blog:join", { slug }));
      await client.poll();
    }
    // Each socket ends up holding about 57 KB, under its own 64 KB; the three together are over 160 KB.
    const body = `<p>${"y".repeat(9_000)}</p>`;
    for (let i = 0; i < 6; i++) await publish(slug, body);
    await waitFor(
      async () => (await Promise.all(slow.map((client) => client.alive()))).filter((alive) => !alive).length === 1,
      "one of the three to be dropped",
    );
    await new Promise((r) => setTimeout(r, 1_500));
    expect((await Promise.all(slow.map((client) => client.alive()))).filter(Boolean)).toHaveLength(2);
    await waitFor(
      () => reader.received.filter((e) => e.type === "entry:published").length === 6,
      "the bystander to hear all six",
    );
  });
});

describe("connections that never open the namespace", () => {
  it("count against SOCKET_MAX_CONNECTIONS_PER_IP from their engine.io handshake", async () => {
    const from = address();
    for (let i = 0; i < 4; i++) raw.push(await rawWebSocket(server.url, from));
    // engine.io refuses a WebSocket upgrade with a 400, a long-polling handshake with a 403.
    await expect(rawWebSocket(server.url, from)).rejects.toThrow("handshake answered 400");
    const polling = await fetch(`${server.url}/socket.io/?EIO=4&transport=polling`, { headers: from });
    expect(polling.status).toBe(403);
    // Another address is not affected, and closing one frees its place.
    raw.push(await rawWebSocket(server.url, address()));
    raw.shift()!.close();
    await waitFor(async () => {
      try {
        raw.push(await rawWebSocket(server.url, from));
        return true;
      } catch {
        return false;
      }
    }, "a place to free up");
  });
});

describe("joins", () => {
  it("are served at a bounded rate per connection; the rest get an error, not work", async () => {
    const slug = "join-rate";
    await newBlog(slug);
    await publish(slug, "<p>one</p>");
    const socket = await connectSocket(server.url, { headers: address() });
    // One after another: a burst of five, then one a minute (SOCKET_JOINS_PER_MINUTE). One at a time per
    // connection is in join-gate.test.ts, where a join's work ends when the test says.
    const answers = [];
    for (let i = 0; i < 7; i++) answers.push(await joinBlog(socket, { slug, since: 0 }));
    expect(answers.slice(0, 5).map((answer) => answer.seq)).toEqual([1, 1, 1, 1, 1]);
    expect(answers.slice(5).map((answer) => answer.error)).toEqual([
      expect.stringMatching(/joins too often; try again in \d+ s/),
      expect.stringMatching(/joins too often; try again in \d+ s/),
    ]);
  });

  it("newsroom joins with a forged cookie count against the same limit: no database lookup per packet", async () => {
    const socket = await connectSocket(server.url, { headers: { ...address(), cookie: "liveline_session=forged" } });
    const answers = [];
    for (let i = 0; i < 7; i++) answers.push(await joinNewsroom(socket, { slug: "join-rate" }));
    expect(answers.slice(0, 5).map((answer) => answer.error)).toEqual(Array(5).fill("sign in to follow the newsroom"));
    expect(answers.slice(5).every((answer) => /joins too often/.test(answer.error ?? ""))).toBe(true);
  });

  it("more than one replay behind: the answer is a reset and replays nothing", async () => {
    const slug = "far-behind";
    await newBlog(slug);
    await seedPublished(slug, JOIN_REPLAY.limit + 1, "<p>short</p>");
    const socket = await connectSocket(server.url, { headers: address() });
    expect(await joinBlog(socket, { slug, since: 0 })).toEqual({ seq: JOIN_REPLAY.limit + 1, readers: 1, reset: true });
    const near = await joinBlog(socket, { slug, since: 1 });
    expect(near.events).toHaveLength(JOIN_REPLAY.limit);
  });
});
