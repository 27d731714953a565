// Two Liveline nodes on one PostgreSQL database and one Redis (REDIS_URL): what a load balancer in front
// of them relies on. An entry published on A reaches readers on B; a reader that switches node replays
// what it missed exactly once; a session made on A works on B; counts and cached reads follow changes on
// either node; a scheduled entry publishes once although both nodes run the scheduler.
// SQLite is one process by design, so this runs only when DATABASE_URL is PostgreSQL (CI does both).
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { EntryDTO } from "@/common/contracts/dto";
import { BLOG_EVENT_TYPES } from "@/common/contracts/events";
import { apiClient, spawnServer, waitFor, type SpawnedServer, type TestServer } from "./harness";
import { postgres, startNodePair, type NodePair } from "./node-pair";
import { closeSockets, connectSocket, joinBlog, joinNewsroom, ofType, type TestSocket } from "./socket-reader";

if (!postgres)
  console.log(
    "[multi-node] skipped: several nodes need PostgreSQL (set DATABASE_URL=postgresql://…); SQLite is one process by design",
  );

let nodes: NodePair;
let a: TestServer;
let b: SpawnedServer;
let editor: ReturnType<typeof apiClient>;

describe.skipIf(!postgres)("two nodes sharing PostgreSQL and Redis", () => {
  beforeAll(async () => {
    nodes = await startNodePair("multi-node", { LIVELINE_DEBUG_STATS: "1" });
    if (!nodes.b) throw new Error("two nodes need PostgreSQL");
    ({ a, b } = { a: nodes.a, b: nodes.b });
    editor = apiClient(a.url, a.users.editor.token);
  });

  afterEach(closeSockets);

  afterAll(async () => {
    await nodes?.stop();
  });

  it("answers a load balancer's health check on each node", async () => {
    for (const node of [a.url, b.url]) {
      const res = await fetch(`${node}/healthz`);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ status: "ok" });
    }
  });

  it("delivers an entry published on A to a reader on B, and counts readers on both nodes", async () => {
    await createBlog("cross-blog");
    const onA = await connect(a.url);
    const onB = await connect(b.url);
    expect(await joinBlog(onA, { slug: "cross-blog" })).toEqual({ seq: 0, readers: 1 });
    // B may not have heard of A's reader yet: the count crosses nodes within a moment, not at once.
    expect(await joinBlog(onB, { slug: "cross-blog" })).toEqual({ seq: 0, readers: expect.any(Number) });

    const entry = await publish("cross-blog", "<p>from node A</p>");
    const event = await waitFor(() => ofType(onB, "entry:published")[0], "the entry on node B");
    expect(event.payload).toMatchObject({ blog: "cross-blog", seq: 1, entry: { id: entry.id } });
    await waitFor(() => ofType(onA, "entry:published")[0], "the entry on node A");

    // Each node adds the other's readers: both end up telling theirs "2".
    await waitFor(
      () => (lastCount(onA) === 2 && lastCount(onB) === 2 ? true : undefined),
      "a count of 2 on both nodes",
      8000,
    );
    onA.disconnect();
    await waitFor(() => (lastCount(onB) === 1 ? true : undefined), "a count of 1 on node B", 8000);
  });

  it("a node that shuts down ends its own readers' connections only: readers on the other nodes stay", async () => {
    await createBlog("shutdown-blog");
    const c = await spawnServer(a.databaseUrl, nodes.env);
    const onC = await connect(c.url);
    const onB = await connect(b.url);
    await joinBlog(onC, { slug: "shutdown-blog" });
    await joinBlog(onB, { slug: "shutdown-blog" });
    const ended = new Promise<string>((resolve) => onC.once("disconnect", (reason) => resolve(reason)));
    const bDropped = vi.fn();
    onB.once("disconnect", bDropped);
    expect(await c.stop()).toBe(0);
    expect(await ended).toBe("io server disconnect");
    await pause(1000);
    expect(bDropped).not.toHaveBeenCalled();
    const entry = await publish("shutdown-blog", "<p>still live on B</p>");
    await waitFor(
      () => ofType(onB, "entry:published").find((e) => e.payload.entry.id === entry.id),
      "the entry on node B",
    );
  });

  it("signs in on A and follows the newsroom on B; a draft saved on A reaches it", async () => {
    await createBlog("desk-blog");
    const login = await apiClient(a.url)("POST", "/api/auth/login", {
      email: a.users.journalist.email,
      password: a.users.journalist.password,
    });
    expect(login.status).toBe(200);
    const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0]!;
    expect((await apiClient(b.url)("GET", "/api/auth/me", undefined, { cookie })).body.user.email).toBe(
      a.users.journalist.email,
    );

    const desk = await connect(b.url, cookie);
    expect(await joinNewsroom(desk, { slug: "desk-blog" })).toEqual({ ok: true });
    const draft = await editor<{ entry: EntryDTO }>("POST", "/api/blogs/desk-blog/entries", {
      body: "<p>not yet</p>",
      status: "DRAFT",
    });
    expect(draft.status).toBe(201);
    const saved = await waitFor(() => ofType(desk, "admin:entry-saved")[0], "the draft on node B");
    expect(saved.payload.entry).toMatchObject({ id: draft.body.entry.id, status: "DRAFT" });
  });

  it("counts failed sign-ins on every node together: an account locks after 5, wherever they were tried", async () => {
    const { email, password } = a.users.journalist2;
    for (let i = 0; i < 5; i++) {
      expect(
        (await apiClient(nodes.urls[i % 2]!)("POST", "/api/auth/login", { email, password: `wrong-${i}` })).status,
      ).toBe(401);
    }
    for (const node of nodes.urls)
      expect((await apiClient(node)("POST", "/api/auth/login", { email, password })).status).toBe(429);
  });

  it("replays what a reader missed once when it comes back on the other node", async () => {
    await createBlog("switch-blog");
    const onA = await connect(a.url);
    await joinBlog(onA, { slug: "switch-blog" });
    await publish("switch-blog", "<p>one</p>");
    const seen = await waitFor(() => ofType(onA, "entry:published")[0], "the first entry");
    const lastSeq = seen.payload.seq;
    onA.disconnect(); // the load balancer sends its reconnection to B

    const missed = [await publish("switch-blog", "<p>two</p>"), await publish("switch-blog", "<p>three</p>")];
    const onB = await connect(b.url);
    // B answers the join with what was missed (its own database reads, not A's memory).
    const ack = await joinBlog(onB, { slug: "switch-blog", since: lastSeq });
    expect(ack).toMatchObject({ seq: lastSeq + 2, readers: expect.any(Number) });
    expect(ack.events?.map((e) => (e.type === "entry:published" ? [e.payload.seq, e.payload.entry.id] : null))).toEqual(
      [
        [lastSeq + 1, missed[0]!.id],
        [lastSeq + 2, missed[1]!.id],
      ],
    );
    const next = await publish("switch-blog", "<p>four</p>");
    await waitFor(() => ofType(onB, "entry:published")[0], "the next live entry");
    await pause(300);
    expect(ofType(onB, "entry:published").map((e) => [e.payload.seq, e.payload.entry.id])).toEqual([
      [lastSeq + 3, next.id],
    ]);
  });

  it("drops cached reads on B when A publishes, so B never serves the old first page for long", async () => {
    await createBlog("cached-blog");
    await publish("cached-blog", "<p>first</p>");
    const readB = apiClient(b.url);
    const ids = async () =>
      (await readB<{ entries: EntryDTO[] }>("GET", "/api/blogs/cached-blog/entries")).body.entries.map((e) => e.id);
    expect(await ids()).toHaveLength(1);
    expect(await ids()).toHaveLength(1); // now from B's cache
    const second = await publish("cached-blog", "<p>second</p>");
    await waitFor(
      async () => ((await ids())[0] === second.id ? true : undefined),
      "node B's first page to show the new entry",
      3000,
    );
    const page = await fetch(`${b.url}/live/cached-blog`);
    expect(await page.text()).toContain("second");
  });

  it("publishes a scheduled entry exactly once although both nodes run the scheduler", async () => {
    await createBlog("timed-blog");
    const onA = await connect(a.url);
    const onB = await connect(b.url);
    await joinBlog(onA, { slug: "timed-blog" });
    await joinBlog(onB, { slug: "timed-blog" });
    const scheduledAt = new Date(Date.now() + 2000).toISOString();
    const created = await editor<{ entry: EntryDTO }>("POST", "/api/blogs/timed-blog/entries", {
      body: "<p>on the hour</p>",
      status: "SCHEDULED",
      scheduledAt,
    });
    expect(created.status).toBe(201);
    const id = created.body.entry.id;

    await waitFor(() => ofType(onA, "entry:published")[0], "the scheduled entry on A", 8000);
    await waitFor(() => ofType(onB, "entry:published")[0], "the scheduled entry on B", 8000);
    await pause(2500); // both schedulers have polled again since
    expect(ofType(onA, "entry:published")).toHaveLength(1);
    expect(ofType(onB, "entry:published")).toHaveLength(1);
    const blog = await a.db.prisma.blog.findUniqueOrThrow({ where: { slug: "timed-blog" } });
    expect(await a.db.prisma.blogEvent.count({ where: { blogId: blog.id, type: "entry:published" } })).toBe(1);
    expect(await a.db.prisma.auditEvent.count({ where: { entryId: id, action: "entry.published" } })).toBe(1);
  });
});

async function createBlog(slug: string): Promise<void> {
  expect((await editor("POST", "/api/blogs", { slug, title: slug })).status).toBe(201);
}

async function publish(slug: string, body: string): Promise<EntryDTO> {
  const res = await editor<{ entry: EntryDTO }>("POST", `/api/blogs/${slug}/entries`, { body });
  expect(res.status).toBe(201);
  return res.body.entry;
}

const EVENTS = [...BLOG_EVENT_TYPES, "blog:readers", "admin:entry-saved"] as const;
type Client = TestSocket<(typeof EVENTS)[number]>;

const connect = (url: string, cookie?: string): Promise<Client> =>
  connectSocket(url, { events: EVENTS, headers: cookie ? { cookie } : undefined });
const lastCount = (socket: Client) => ofType(socket, "blog:readers").at(-1)?.payload.count;
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
