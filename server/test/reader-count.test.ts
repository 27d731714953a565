// "N reading now": real socket.io clients against the real process. The count is the number of sockets
// in a blog's room on this node, sent as `blog:readers` (no seq, not logged) at most every 2 s per blog.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { EventsPage } from "@/common/contracts/events";
import { apiClient, startTestServer, waitFor, type TestServer } from "./harness";
import { closeSockets, connectSocket, joinBlog, type TestSocket } from "./socket-reader";

type Reader = TestSocket<"blog:readers">;

let server: TestServer;
let editor: ReturnType<typeof apiClient>;

beforeAll(async () => {
  server = await startTestServer();
  editor = apiClient(server.url, server.users.editor.token);
  for (const slug of ["counted-blog", "other-blog"]) {
    expect((await editor("POST", "/api/blogs", { slug, title: slug })).status).toBe(201);
  }
});

afterEach(closeSockets);

afterAll(async () => {
  await server?.dispose();
});

// The count each reader's join ack carried.
const countAtJoin = new Map<Reader, number | undefined>();

async function readerOf(slug: string): Promise<Reader> {
  const socket = await connectSocket(server.url, { events: ["blog:readers"] });
  const ack = await joinBlog(socket, { slug });
  expect(ack.error).toBeUndefined();
  countAtJoin.set(socket, ack.readers);
  return socket;
}

const countsOf = (reader: Reader) => reader.received.map((heard) => heard.payload);
const latest = (reader: Reader) => countsOf(reader).at(-1)?.count;

describe("blog:readers", () => {
  it("tells every reader how many are watching: 3 join, then one leaves", async () => {
    const first = await readerOf("counted-blog");
    // A newcomer learns the count with its join; the room hears of it with the next throttled send.
    expect(countAtJoin.get(first)).toBe(1);
    await waitFor(() => latest(first) === 1, "the first reader to hear 1");
    const others = [await readerOf("counted-blog"), await readerOf("counted-blog")];
    expect(others.map((reader) => countAtJoin.get(reader))).toEqual([2, 3]);
    const all = [first, ...others];
    await waitFor(() => all.every((r) => latest(r) === 3), "all three readers to hear 3");
    expect(all.flatMap(countsOf).every((payload) => payload.blog === "counted-blog")).toBe(true);

    const leaving = others[1]!;
    leaving.disconnect();
    const staying = [first, others[0]!];
    await waitFor(() => staying.every((r) => latest(r) === 2), "the two remaining readers to hear 2");
  });

  it("counts each blog's room on its own, and is neither logged nor numbered", async () => {
    const counted = await readerOf("counted-blog");
    const other = await readerOf("other-blog");
    await readerOf("other-blog");
    await waitFor(() => latest(other) === 2, "the other blog's first reader to hear 2");
    await waitFor(() => latest(counted) === 1, "the counted blog's reader to hear 1");
    expect(countsOf(counted).every((payload) => payload.blog === "counted-blog" && !("seq" in payload))).toBe(true);

    const log = await apiClient(server.url)<EventsPage>("GET", "/api/blogs/counted-blog/events?since=0");
    expect(log.status).toBe(200);
    expect(log.body.events).toEqual([]);
  });

  it("sends a burst of joins as at most one change per 2 seconds after the first", async () => {
    const watcher = await readerOf("other-blog");
    await waitFor(() => latest(watcher) !== undefined, "a first count");
    const before = watcher.received.length;
    await Promise.all(Array.from({ length: 5 }, () => readerOf("other-blog")));
    await waitFor(() => latest(watcher) === 6, "the watcher to hear 6");
    // However many joined, the room heard at most two counts (a leading and a trailing one) in that burst.
    expect(watcher.received.length - before).toBeLessThanOrEqual(2);
  });
});
