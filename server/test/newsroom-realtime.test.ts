// The newsroom over real sockets: the admin room (session cookie on the handshake), and scheduled
// entries publishing on time, also across a restart, with real readers listening.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { EntryDTO } from "@/common/contracts/dto";
import type { BlogEvent } from "@/common/contracts/events";
import { BLOG_EVENT_TYPES } from "@/common/contracts/events";
import { hashSecret } from "../db/sessions";
import { io, type Socket } from "socket.io-client";
import { apiClient, sessionCookie, spawnServer, startTestServer, waitFor, type TestServer } from "./harness";
import { closeSockets, connectSocket, joinBlog, joinNewsroom, ofType } from "./socket-reader";

let server: TestServer;
let editor: ReturnType<typeof apiClient>;
let journalist: ReturnType<typeof apiClient>;

beforeAll(async () => {
  server = await startTestServer();
  editor = apiClient(server.url, server.users.editor.token);
  journalist = apiClient(server.url, server.users.journalist.token);
  for (const slug of ["desk-blog", "other-blog", "timed-blog"]) {
    expect((await editor("POST", "/api/blogs", { slug, title: slug })).status).toBe(201);
  }
});

afterEach(closeSockets);

afterAll(async () => {
  await server?.dispose();
});

const connect = (url: string, cookie?: string) =>
  connectSocket(url, {
    events: [...BLOG_EVENT_TYPES, "admin:entry-saved", "admin:entry-removed"],
    headers: cookie ? { cookie } : undefined,
  });

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("the newsroom room", () => {
  it("shows an editor a colleague's draft as it is saved, edited and deleted; readers see none of it", async () => {
    const editorSocket = await connect(server.url, await sessionCookie(server.url, server.users.editor));
    expect(await joinNewsroom(editorSocket, { slug: "desk-blog" })).toEqual({ ok: true });
    const reader = await connect(server.url);
    expect(await joinBlog(reader, { slug: "desk-blog" })).toEqual({ seq: 0, readers: 1 });

    const created = await journalist<{ entry: EntryDTO }>("POST", "/api/blogs/desk-blog/entries", {
      body: "<p>draft</p>",
      status: "DRAFT",
    });
    expect(created.status).toBe(201);
    const saved = await waitFor(() => ofType(editorSocket, "admin:entry-saved")[0], "the saved draft");
    expect(saved.payload).toEqual({
      blog: "desk-blog",
      entry: created.body.entry,
      by: { id: server.users.journalist.id, name: "Test journalist" },
    });

    await journalist("PATCH", `/api/blogs/desk-blog/entries/${created.body.entry.id}`, {
      version: 1,
      headline: "Draft headline",
    });
    await waitFor(() => ofType(editorSocket, "admin:entry-saved")[1], "the edited draft");
    expect(ofType(editorSocket, "admin:entry-saved")[1]!.payload).toMatchObject({
      entry: { headline: "Draft headline", status: "DRAFT", version: 2 },
    });

    expect((await journalist("DELETE", `/api/blogs/desk-blog/entries/${created.body.entry.id}`)).status).toBe(204);
    const removed = await waitFor(() => ofType(editorSocket, "admin:entry-removed")[0], "the removal");
    expect(removed.payload).toEqual({ blog: "desk-blog", id: created.body.entry.id });

    // A published entry reaches both: readers through the blog room, the newsroom through its own.
    const published = await editor<{ entry: EntryDTO }>("POST", "/api/blogs/desk-blog/entries", { body: "<p>out</p>" });
    await waitFor(() => ofType(reader, "entry:published")[0], "the reader event");
    await waitFor(() => ofType(editorSocket, "admin:entry-saved")[2], "the newsroom event");
    expect(ofType(editorSocket, "admin:entry-saved")[2]!.payload).toMatchObject({
      entry: { id: published.body.entry.id, status: "PUBLISHED" },
    });
    await pause(200);
    expect(reader.received.map((r) => r.type)).toEqual(["entry:published"]);
    // The editor socket is in no blog room, so it got no reader events.
    expect(editorSocket.received.every((r) => r.type.startsWith("admin:"))).toBe(true);
  });

  it("only sends a blog's changes to that blog's newsroom room", async () => {
    const editorSocket = await connect(server.url, await sessionCookie(server.url, server.users.editor));
    expect(await joinNewsroom(editorSocket, { slug: "other-blog" })).toEqual({ ok: true });
    await journalist("POST", "/api/blogs/desk-blog/entries", { body: "<p>elsewhere</p>", status: "DRAFT" });
    const here = await journalist<{ entry: EntryDTO }>("POST", "/api/blogs/other-blog/entries", {
      body: "<p>here</p>",
      status: "DRAFT",
    });
    await waitFor(() => ofType(editorSocket, "admin:entry-saved")[0], "the saved draft");
    await pause(200);
    expect(editorSocket.received).toHaveLength(1);
    expect(editorSocket.received[0]!.payload).toMatchObject({ blog: "other-blog", entry: { id: here.body.entry.id } });
  });

  it("lets a journalist in too, who then sees colleagues' drafts (the newsroom is internal)", async () => {
    const socket = await connect(server.url, await sessionCookie(server.url, server.users.journalist2));
    expect(await joinNewsroom(socket, { slug: "desk-blog" })).toEqual({ ok: true });
    await journalist("POST", "/api/blogs/desk-blog/entries", { body: "<p>a colleague's draft</p>", status: "DRAFT" });
    const saved = await waitFor(() => ofType(socket, "admin:entry-saved")[0], "the colleague's draft");
    expect(saved.payload).toMatchObject({ entry: { status: "DRAFT", author: { id: server.users.journalist.id } } });
  });

  it("refuses anonymous sockets, forged cookies, bad requests and other sites; they hear nothing", async () => {
    const anonymous = await connect(server.url);
    expect((await joinNewsroom(anonymous, { slug: "desk-blog" })).error).toMatch(/sign in/);
    const forged = await connect(server.url, "liveline_session=not-a-session");
    expect((await joinNewsroom(forged, { slug: "desk-blog" })).error).toMatch(/sign in/);
    const cookie = await sessionCookie(server.url, server.users.editor);
    const valid = await connect(server.url, cookie);
    expect((await joinNewsroom(valid, { slug: "Bad Slug" })).error).toMatch(/slug/);
    expect((await joinNewsroom(valid, { slug: "desk-blog", role: "ADMIN" })).error).toMatch(/role/);
    expect((await joinNewsroom(valid, { slug: "no-such-blog" })).error).toMatch(/no blog/);
    // A page on another site cannot use the editor's cookie to listen in.
    const crossSite = await connectSocket(server.url, {
      events: ["admin:entry-saved"],
      headers: { cookie, origin: "https://evil.example" },
    });
    expect((await joinNewsroom(crossSite, { slug: "desk-blog" })).error).toMatch(/sign in/);
    // A reader socket that joined the blog hears only reader events.
    await joinBlog(anonymous, { slug: "desk-blog" });
    await journalist("POST", "/api/blogs/desk-blog/entries", { body: "<p>secret draft</p>", status: "DRAFT" });
    await pause(300);
    for (const socket of [anonymous, forged, crossSite])
      expect(socket.received.filter((r) => r.type.startsWith("admin:"))).toEqual([]);
    expect(anonymous.received).toEqual([]);
  });

  it("checks the session at join time: after signing out, the same socket is refused", async () => {
    const cookie = await sessionCookie(server.url, server.users.editor);
    const socket = await connect(server.url, cookie);
    expect(await joinNewsroom(socket, { slug: "desk-blog" })).toEqual({ ok: true });
    const disconnected = new Promise<string>((resolve) => socket.once("disconnect", (reason) => resolve(reason)));
    expect((await apiClient(server.url)("POST", "/api/auth/logout", undefined, { cookie })).status).toBe(204);
    // Signing out also ends the newsroom connections that session opened: no draft reaches it afterwards.
    expect(await disconnected).toBe("io server disconnect");
    const again = await connect(server.url, cookie);
    expect((await joinNewsroom(again, { slug: "other-blog" })).error).toMatch(/sign in/);
  });
});

describe("a newsroom socket whose session expires", () => {
  it("is disconnected when the session ends, though nobody signed out: no draft reaches it afterwards", async () => {
    const cookie = await sessionCookie(server.url, server.users.journalist);
    const secret = cookie.slice(cookie.indexOf("=") + 1);
    await server.db.prisma.session.update({
      where: { id: hashSecret(secret) },
      data: { expiresAt: new Date(Date.now() + 1500) },
    });
    const socket = await connect(server.url, cookie);
    const ended = new Promise<string>((resolve) => socket.once("disconnect", (reason) => resolve(reason)));
    expect(await joinNewsroom(socket, { slug: "desk-blog" })).toEqual({ ok: true });
    expect(await ended).toBe("io server disconnect");
    await editor("POST", "/api/blogs/desk-blog/entries", { body: "<p>after the session ended</p>", status: "DRAFT" });
    await pause(300);
    expect(ofType(socket, "admin:entry-saved")).toEqual([]);
  });
});

describe("a newsroom socket that drops", () => {
  /** A newsroom socket as the panel opens one: it reconnects by itself after a drop. */
  async function droppingSocket(cookie: string) {
    const socket = io(server.url, {
      transports: ["websocket"],
      forceNew: true,
      reconnectionDelay: 100,
      reconnectionDelayMax: 200,
      extraHeaders: { cookie },
    });
    const saved: unknown[] = [];
    socket.on("admin:entry-saved", (payload) => saved.push(payload));
    await new Promise<void>((resolve, reject) => socket.once("connect", () => resolve()).once("connect_error", reject));
    expect(await joinNewsroom(socket, { slug: "desk-blog" })).toEqual({ ok: true });
    return { socket, saved };
  }

  async function dropAndComeBackAfter(socket: Socket, meanwhile: () => Promise<void>) {
    socket.io.engine.close(); // the network blips
    await waitFor(() => socket.disconnected, "the drop");
    await meanwhile();
    await waitFor(() => socket.connected, "the reconnection");
  }

  for (const [what, end] of [
    [
      "signs out",
      async (cookie: string) =>
        expect((await apiClient(server.url)("POST", "/api/auth/logout", undefined, { cookie })).status).toBe(204),
    ],
    [
      "is deactivated",
      async () =>
        expect(
          (
            await apiClient(server.url, server.users.admin.token)(
              "PATCH",
              `/api/users/${server.users.journalist2.id}`,
              { active: false },
            )
          ).status,
        ).toBe(200),
    ],
  ] as const) {
    it(`gets no newsroom room back when its user ${what} meanwhile: no draft reaches it`, async () => {
      const cookie = await sessionCookie(server.url, server.users.journalist2);
      const { socket, saved } = await droppingSocket(cookie);
      try {
        await dropAndComeBackAfter(socket, () => end(cookie));
        expect(socket.recovered).not.toBe(true);
        expect((await joinNewsroom(socket, { slug: "desk-blog" })).error).toMatch(/sign in/);
        await editor("POST", "/api/blogs/desk-blog/entries", {
          body: "<p>a draft after the drop</p>",
          status: "DRAFT",
        });
        await pause(500);
        expect(saved).toEqual([]);
      } finally {
        socket.disconnect();
        await apiClient(server.url, server.users.admin.token)("PATCH", `/api/users/${server.users.journalist2.id}`, {
          active: true,
        });
      }
    });
  }
});

describe("scheduled entries", () => {
  it("publish on time to a reader, exactly once", async () => {
    const reader = await connect(server.url);
    const { seq } = (await joinBlog(reader, { slug: "timed-blog" })) as { seq: number };
    const editorSocket = await connect(server.url, await sessionCookie(server.url, server.users.editor));
    expect(await joinNewsroom(editorSocket, { slug: "timed-blog" })).toEqual({ ok: true });
    const scheduledAt = new Date(Date.now() + 2000).toISOString();
    const created = await journalist<{ entry: EntryDTO }>("POST", "/api/blogs/timed-blog/entries", {
      headline: "At the top of the hour",
      body: "<p>on time</p>",
      status: "SCHEDULED",
      scheduledAt,
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.entry).toMatchObject({ status: "SCHEDULED", scheduledAt, publishedAt: null });
    const id = created.body.entry.id;
    await pause(1000);
    expect(reader.received).toEqual([]);
    expect((await apiClient(server.url)("GET", "/api/blogs/timed-blog/entries")).body.entries).toEqual([]);

    const event = await waitFor(() => ofType(reader, "entry:published")[0], "the scheduled entry", 6000);
    expect(event.payload).toMatchObject({
      blog: "timed-blog",
      seq: seq + 1,
      entry: { id, status: "PUBLISHED", scheduledAt: null },
    });
    expect(Date.now()).toBeGreaterThanOrEqual(Date.parse(scheduledAt));
    await waitFor(
      () =>
        ofType(editorSocket, "admin:entry-saved").find(
          (r) => (r.payload as { entry: EntryDTO }).entry.status === "PUBLISHED",
        ),
      "the newsroom event",
    );
    await pause(1500);
    expect(ofType(reader, "entry:published")).toHaveLength(1);
    const page = await apiClient(server.url)("GET", "/api/blogs/timed-blog/entries");
    expect(page.body.entries.map((e: EntryDTO) => e.id)).toEqual([id]);
  });

  it("publish exactly once when the server restarts before they are due", async () => {
    const slug = "restart-blog";
    expect((await editor("POST", "/api/blogs", { slug, title: "Restart" })).status).toBe(201);
    const scheduledAt = new Date(Date.now() + 1500).toISOString();
    const created = await editor<{ entry: EntryDTO }>("POST", `/api/blogs/${slug}/entries`, {
      body: "<p>after the restart</p>",
      status: "SCHEDULED",
      scheduledAt,
    });
    expect(created.status).toBe(201);
    const id = created.body.entry.id;
    expect(await server.stop()).toBe(0);
    // Due while no server runs.
    await pause(Math.max(0, Date.parse(scheduledAt) - Date.now()) + 300);
    expect((await server.db.prisma.entry.findUniqueOrThrow({ where: { id } })).status).toBe("SCHEDULED");

    const again = await spawnServer(server.databaseUrl);
    try {
      const reader = await connect(again.url);
      const joined = await joinBlog(reader, { slug, since: 0 });
      // Published before the join (in its answer) or after it (live), or both.
      const heard = () => [...(joined.events ?? []), ...reader.received].filter((e) => e.type === "entry:published");
      const event = await waitFor(() => heard()[0], "the overdue entry");
      expect(event.payload).toMatchObject({ blog: slug, entry: { id, status: "PUBLISHED" } });
      await pause(1500);
      // Joining with since replays the log and also hears live events, so a reader may get an event
      // twice (it drops repeats by seq); what counts is that there is one event, with one seq.
      const seqs = new Set(heard().map((e) => e.payload.seq));
      expect(seqs.size).toBe(1);
      const log = await apiClient(again.url)("GET", `/api/blogs/${slug}/events?since=0`);
      const published = log.body.events.filter(
        (e: BlogEvent) => e.type === "entry:published" && e.payload.entry.id === id,
      );
      expect(published).toHaveLength(1);
    } finally {
      closeSockets();
      expect(await again.stop()).toBe(0);
    }
  });
});
