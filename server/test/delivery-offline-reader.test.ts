// A reader that was away: it comes back with its last seq and ends with exactly the server's state,
// nothing applied twice, through the page's own subscription, sequencer and feed state. Plus a seq gap
// filled over HTTP, a short drop, and a log too short to reach back (reset).
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { BlogDTO, EntryDTO } from "@/common/contracts/dto";
import type { BlogEvent, EventsPage } from "@/common/contracts/events";
import { LiveReader, publishedEntries } from "./delivery-reader";
import { apiClient, startTestServer, waitFor, type TestServer } from "./harness";

let server: TestServer;
let editor: ReturnType<typeof apiClient>;
const readers: LiveReader[] = [];
let blogCount = 0;

beforeAll(async () => {
  server = await startTestServer({ env: { WRITE_RATE_PER_MINUTE: "0" } });
  editor = apiClient(server.url, server.users.editor.token);
});

afterEach(() => {
  while (readers.length) readers.pop()!.close();
});

afterAll(async () => {
  await server?.dispose();
});

async function newBlog(): Promise<{ slug: string; blog: BlogDTO }> {
  const slug = `offline-${++blogCount}`;
  const created = await editor("POST", "/api/blogs", { slug, title: slug });
  expect(created.status).toBe(201);
  return { slug, blog: created.body.blog };
}

function reader(slug: string, blog: BlogDTO, since = 0, reconnection = false, online = true): LiveReader {
  const r = new LiveReader(server.url, slug, blog, { since, reconnection, online });
  readers.push(r);
  return r;
}

async function publish(slug: string, body: string): Promise<EntryDTO> {
  const answer = await editor<{ entry: EntryDTO }>("POST", `/api/blogs/${slug}/entries`, { body });
  expect(answer.status).toBe(201);
  return answer.body.entry;
}

/** The server's view of what a reader should show: every published entry, pinned ones included. */
async function serverState(slug: string): Promise<{ ids: string[]; pinned: string[]; entries: Map<string, EntryDTO> }> {
  const all = await publishedEntries(server.url, slug);
  return {
    ids: all.map((e) => e.id).sort(),
    pinned: all
      .filter((e) => e.pinned)
      .map((e) => e.id)
      .sort(),
    entries: new Map(all.map((e) => [e.id, e])),
  };
}

/** Live events are applied one by one; a replay stands for several seqs with one event per entry. Never one twice. */
function expectInOrderOnce(applied: BlogEvent[], from: number, to: number): void {
  const seqs = applied.map((e) => e.payload.seq);
  expect(seqs.every((seq, i) => seq > (i === 0 ? from : seqs[i - 1]!))).toBe(true);
  expect(seqs.at(-1)).toBe(to);
}

describe("a reader that was offline", () => {
  it("reconnects with its last seq and ends with the server's state, nothing applied twice, nothing deleted replayed", async () => {
    const { slug, blog } = await newBlog();
    const away = reader(slug, blog);
    await away.start();
    const early = await publish(slug, "<p>Before the reader left.</p>");
    await waitFor(() => away.applied.length === 1, "the first event");
    away.socket.disconnect();
    const lastSeq = away.seq;

    // While it is away: 20 publishes, edits, deletes, pins and unpins, and a blog edit.
    const entries: EntryDTO[] = [];
    for (let i = 0; i < 20; i++) entries.push(await publish(slug, `<p>While away ${i}</p>`));
    for (const entry of entries.slice(0, 5)) {
      const edited = await editor("PATCH", `/api/blogs/${slug}/entries/${entry.id}`, {
        version: entry.version,
        headline: `Edited ${entry.id}`,
      });
      expect(edited.status).toBe(200);
    }
    for (const entry of [entries[5]!, entries[6]!, early]) {
      expect((await editor("DELETE", `/api/blogs/${slug}/entries/${entry.id}`)).status).toBe(204);
    }
    for (const entry of [entries[7]!, entries[8]!, entries[0]!]) {
      expect((await editor("PUT", `/api/blogs/${slug}/entries/${entry.id}/pin`)).status).toBe(200);
    }
    expect((await editor("DELETE", `/api/blogs/${slug}/entries/${entries[8]!.id}/pin`)).status).toBe(200);
    const unpublished = await editor("PATCH", `/api/blogs/${slug}/entries/${entries[9]!.id}`, {
      version: 1,
      status: "DRAFT",
    });
    expect(unpublished.status).toBe(200);
    expect((await editor("PATCH", `/api/blogs/${slug}`, { title: "Renamed while away" })).status).toBe(200);
    const newest = (await editor<EventsPage>("GET", `/api/blogs/${slug}/events?since=0`)).body.seq;
    expect(newest).toBe(1 + 20 + 5 + 3 + 3 + 1 + 1 + 1);

    // Back: the same page (its sequencer and state), a new connection joining from its last seq. The
    // join's answer carries what changed, one event per entry as it is now: 21 entries and the blog.
    away.socket.connect();
    await waitFor(() => away.seq === newest, `the reader to reach seq ${newest}`);
    await new Promise((r) => setTimeout(r, 300));
    expectInOrderOnce(away.applied, 0, newest);
    const replayed = away.applied.slice(1);
    expect(replayed.every((e) => e.payload.seq > lastSeq)).toBe(true);
    expect(replayed).toHaveLength(22);
    // Deleted and unpublished entries come back as their deletion only.
    const gone = [entries[5]!.id, entries[6]!.id, early.id, entries[9]!.id];
    for (const e of replayed) if ("entry" in e.payload) expect(gone).not.toContain(e.payload.entry.id);
    expect(
      replayed
        .filter((e) => e.type === "entry:deleted")
        .map((e) => (e.type === "entry:deleted" ? e.payload.id : ""))
        .sort(),
    ).toEqual([...gone].sort());

    const truth = await serverState(slug);
    expect(away.shownIds().sort()).toEqual(truth.ids);
    expect(away.state.pinned.map((e) => e.id).sort()).toEqual(truth.pinned);
    for (const shown of [...away.state.pinned, ...away.state.entries])
      expect(shown).toEqual(truth.entries.get(shown.id));
    expect(away.state.blog.title).toBe("Renamed while away");
    // The stream (pinned entries in their place too) is in the order the server lists it.
    const streamOrder = (await publishedEntries(server.url, slug)).map((e) => e.id);
    expect(away.state.entries.map((e) => e.id)).toEqual(streamOrder);
  });

  it("a reader that sees seq 5 then 7 fetches 6 over HTTP and applies it once", async () => {
    const { slug, blog } = await newBlog();
    for (let i = 1; i <= 7; i++) await publish(slug, `<p>Entry ${i}</p>`);
    const log = (await editor<EventsPage>("GET", `/api/blogs/${slug}/events?since=0`)).body.events;
    // A page rendered at seq 4 that is not connected: we hand it events as a socket would, leaving out 6.
    const page = reader(slug, blog, 4, false, false);
    page.receive(log[4]!); // seq 5
    page.receive(log[6]!); // seq 7: 6 is missing
    expect(page.seq).toBe(5);
    await waitFor(() => page.seq === 7, "the gap to be filled over HTTP");
    page.receive(log[5]!); // 6 arrives late over the socket too: dropped
    page.receive(log[6]!);
    expect(page.applied.map((e) => e.payload.seq)).toEqual([5, 6, 7]);
    expect(page.shownIds()).toEqual(
      log
        .slice(4)
        .reverse()
        .map((e) => (e.type === "entry:published" ? e.payload.entry.id : "")),
    );
  });

  it("a short drop: the reader reconnects, joins from its seq and gets what it missed in the join's answer", async () => {
    const { slug, blog } = await newBlog();
    const live = reader(slug, blog, 0, true);
    await live.start();
    await publish(slug, "<p>Before the drop.</p>");
    await waitFor(() => live.seq === 1, "the first event");
    // The transport dies (as on a network blip); the client reconnects on its own.
    live.socket.io.engine.close();
    await waitFor(() => live.socket.disconnected, "the client to notice the drop");
    await publish(slug, "<p>During the drop.</p>");
    await publish(slug, "<p>Just after.</p>");
    await waitFor(() => live.joins.length === 2, "the second join");
    await waitFor(() => live.seq === 3, "seq 3");
    // The rejoin asked from seq 1: its answer carried whichever of the two entries had committed by then,
    // and the one it did not cover arrived live.
    expect(live.joins[1]).toMatchObject({ readers: 1 });
    expect(live.joins[1]?.events?.every((e) => e.payload.seq > 1)).toBe(true);
    expectInOrderOnce(live.applied, 0, 3);
    expect(live.shownIds()).toHaveLength(3);
  });
});

describe("a log too short to reach back (EVENT_LOG_RETENTION)", () => {
  let small: TestServer;
  beforeAll(async () => {
    small = await startTestServer({ env: { EVENT_LOG_RETENTION: "5", WRITE_RATE_PER_MINUTE: "0" } });
  });
  afterAll(async () => {
    await small?.dispose();
  });

  it("keeps the newest N events: older since is 410 GONE with the seq, a join acks reset and replays nothing", async () => {
    const as = apiClient(small.url, small.users.editor.token);
    const created = await as("POST", "/api/blogs", { slug: "short-log", title: "Short log" });
    expect(created.status).toBe(201);
    for (let i = 1; i <= 12; i++)
      expect((await as("POST", "/api/blogs/short-log/entries", { body: `<p>${i}</p>` })).status).toBe(201);
    const kept = await small.db.prisma.blogEvent.findMany({
      where: { blog: { slug: "short-log" } },
      orderBy: { seq: "asc" },
    });
    expect(kept.map((e) => e.seq)).toEqual([8, 9, 10, 11, 12]);

    const gone = await as("GET", "/api/blogs/short-log/events?since=6");
    expect(gone.status).toBe(410);
    expect(gone.body).toEqual({ error: expect.stringMatching(/no longer kept/), code: "GONE", seq: 12 });
    expect((await as("GET", "/api/blogs/short-log/events?since=0")).status).toBe(410);
    const replay = await as<EventsPage>("GET", "/api/blogs/short-log/events?since=7");
    expect(replay.status).toBe(200);
    expect(replay.body.events.map((e) => e.payload.seq)).toEqual([8, 9, 10, 11, 12]);
    expect((await as<EventsPage>("GET", "/api/blogs/short-log/events?since=12")).body.events).toEqual([]);

    // A page rendered at seq 2: nothing is replayed; it reloads its first page, which has all 12 entries.
    const behind = new LiveReader(small.url, "short-log", created.body.blog, { since: 2, reconnection: false });
    readers.push(behind);
    expect(await behind.start()).toEqual({ seq: 12, readers: 1, reset: true });
    await waitFor(() => behind.resets === 1 && behind.seq === 12, "the reload");
    expect(behind.received).toBe(0);
    expect(behind.shownIds()).toHaveLength(12);

    const recent = new LiveReader(small.url, "short-log", created.body.blog, { since: 7, reconnection: false });
    readers.push(recent);
    expect(await recent.start()).toMatchObject({ seq: 12, readers: 2 });
    expect(recent.applied.map((e) => e.payload.seq)).toEqual([8, 9, 10, 11, 12]);
  });
});
