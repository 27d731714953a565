// Presence in the newsroom over real sockets: who is in a blog's workspace and which entries they edit, taken
// from each socket's session; gone at once when they leave; bounded; refused to readers; across two nodes
// (PostgreSQL + Redis) with a node that dies dropping out after the heartbeat TTL. Also the entry-saved notice's
// `by` and the live notices of the newsroom's lists (dashboard, audit log, users).
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { EntryDTO } from "@/common/contracts/dto";
import type { AdminJoinAck, PresencePerson } from "@/common/contracts/events";
import { PRESENCE_TTL_MS } from "../realtime/newsroom-presence";
import { apiClient, sessionCookie, spawnServer, waitFor, type TestServer } from "./harness";
import { postgres, startNodePair, type NodePair } from "./node-pair";
import { closeSockets, connectSocket, joinBlog, joinNewsroom, ofType, type TestSocket } from "./socket-reader";

const EVENTS = [
  "presence:changed",
  "admin:entry-saved",
  "admin:blogs-changed",
  "admin:audit-changed",
  "admin:users-changed",
] as const;
type NewsroomSocket = TestSocket<(typeof EVENTS)[number]>;

let nodes: NodePair;
let server: TestServer;
let editor: ReturnType<typeof apiClient>;
let admin: ReturnType<typeof apiClient>;
const cookies: Record<"editor" | "journalist" | "journalist2" | "admin", string> = {
  editor: "",
  journalist: "",
  journalist2: "",
  admin: "",
};

beforeAll(async () => {
  nodes = await startNodePair("presence");
  server = nodes.a;
  editor = apiClient(server.url, server.users.editor.token);
  admin = apiClient(server.url, server.users.admin.token);
  for (const slug of ["desk", "other-desk"]) {
    expect((await editor("POST", "/api/blogs", { slug, title: slug })).status).toBe(201);
  }
  for (const who of ["editor", "journalist", "journalist2", "admin"] as const) cookies[who] = await signIn(who);
});

afterEach(closeSockets);

afterAll(async () => {
  await nodes?.stop();
});

async function signIn(who: keyof typeof cookies, url = server.url): Promise<string> {
  return sessionCookie(url, server.users[who]);
}

const connect = (url: string, cookie?: string): Promise<NewsroomSocket> =>
  connectSocket(url, { events: EVENTS, headers: cookie ? { cookie } : undefined });

async function inNewsroom(url: string, cookie: string, slug = "desk"): Promise<NewsroomSocket> {
  const socket = await connect(url, cookie);
  expect(await joinNewsroom(socket, { slug })).toEqual({ ok: true });
  return socket;
}

type Emit = (...args: unknown[]) => void;
const claim = (socket: NewsroomSocket, request: unknown): Promise<AdminJoinAck> =>
  new Promise((resolve) => (socket.emit as Emit)("presence:editing", request, resolve));
const watch = (socket: NewsroomSocket, request: unknown): Promise<AdminJoinAck> =>
  new Promise((resolve) => (socket.emit as Emit)("admin:watch", request, resolve));

/** The list a socket last heard for a blog. */
const peopleHeard = (socket: NewsroomSocket, slug = "desk"): PresencePerson[] | undefined =>
  ofType(socket, "presence:changed")
    .filter((heard) => heard.payload.blog === slug)
    .at(-1)?.payload.people;

/** Waits until the socket's latest list, as `names: editing` lines, is `expected`. */
function waitForPeople(socket: NewsroomSocket, expected: string[], timeoutMs?: number, slug = "desk") {
  const lines = () =>
    peopleHeard(socket, slug)?.map((person) =>
      person.editing.length ? `${person.name}: ${person.editing.join(" ")}` : person.name,
    );
  return waitFor(
    () => JSON.stringify(lines()) === JSON.stringify(expected),
    `presence ${JSON.stringify(expected)} (last heard ${JSON.stringify(lines())})`,
    timeoutMs,
  );
}

async function newEntry(as: ReturnType<typeof apiClient>, slug = "desk"): Promise<EntryDTO> {
  const created = await as<{ entry: EntryDTO }>("POST", `/api/blogs/${slug}/entries`, {
    body: "<p>on the desk</p>",
    status: "DRAFT",
  });
  expect(created.status).toBe(201);
  return created.body.entry;
}

describe("presence in a blog's newsroom", () => {
  it("shows who is here and what they edit, by their session's name, and takes them away at once when they leave", async () => {
    const entry = await newEntry(editor);
    const editorSocket = await inNewsroom(server.url, cookies.editor);
    await waitForPeople(editorSocket, ["Test editor"]);

    const journalistSocket = await inNewsroom(server.url, cookies.journalist);
    // The newcomer is told who is here as it joins.
    await waitForPeople(journalistSocket, ["Test editor", "Test journalist"]);
    await waitForPeople(editorSocket, ["Test editor", "Test journalist"]);

    expect(await claim(editorSocket, { slug: "desk", entries: [entry.id] })).toEqual({ ok: true });
    await waitForPeople(journalistSocket, [`Test editor: ${entry.id}`, "Test journalist"]);
    const person = peopleHeard(journalistSocket)!.find((someone) => someone.name === "Test editor");
    expect(person).toEqual({ id: server.users.editor.id, name: "Test editor", editing: [entry.id] });

    // Closing the editor, then the tab: each goes at once, not after a timeout.
    expect(await claim(editorSocket, { slug: "desk", entries: [] })).toEqual({ ok: true });
    await waitForPeople(journalistSocket, ["Test editor", "Test journalist"]);
    journalistSocket.disconnect();
    await waitForPeople(editorSocket, ["Test editor"], 3000);
  });

  it("counts a person once across tabs, and keeps them while one tab is still open", async () => {
    const entry = await newEntry(editor);
    const watcher = await inNewsroom(server.url, cookies.journalist);
    const tab1 = await inNewsroom(server.url, cookies.editor);
    const tab2 = await inNewsroom(server.url, cookies.editor);
    // A second tab changes nobody's list, yet it is told who is here.
    await waitForPeople(tab2, ["Test editor", "Test journalist"]);
    expect(await claim(tab2, { slug: "desk", entries: [entry.id] })).toEqual({ ok: true });
    await waitForPeople(watcher, [`Test editor: ${entry.id}`, "Test journalist"]);
    tab2.disconnect();
    await waitForPeople(watcher, ["Test editor", "Test journalist"], 3000);
    tab1.disconnect();
    await waitForPeople(watcher, ["Test journalist"], 3000);
  });

  it("takes who is editing from the session only: a name or id in the request is refused", async () => {
    const entry = await newEntry(editor);
    const editorSocket = await inNewsroom(server.url, cookies.editor);
    const spoofed = await claim(editorSocket, {
      slug: "desk",
      entries: [entry.id],
      name: "Test admin",
      userId: server.users.admin.id,
    });
    expect(spoofed.error).toMatch(/name, userId: not a known field/);
    const listener = await inNewsroom(server.url, cookies.journalist);
    await waitForPeople(listener, ["Test editor", "Test journalist"]);
    expect(peopleHeard(listener)!.map((person) => person.id)).toEqual([
      server.users.editor.id,
      server.users.journalist.id,
    ]);
  });

  it("bounds what one socket may claim: a few entries, ones it may edit, in a blog it joined, at a bounded rate", async () => {
    const mine = await Promise.all([1, 2, 3, 4].map(() => newEntry(editor)));
    const colleagues = await newEntry(apiClient(server.url, server.users.journalist2.token));
    const elsewhere = await newEntry(editor, "other-desk");
    const journalistSocket = await inNewsroom(server.url, cookies.journalist);
    const editorSocket = await inNewsroom(server.url, cookies.editor);
    const ids = mine.map((entry) => entry.id);

    expect((await claim(editorSocket, { slug: "desk", entries: ids })).error).toMatch(/at most 3 entries/);
    expect((await claim(editorSocket, { slug: "desk", entries: [ids[0], ids[0]] })).error).toMatch(/each entry once/);
    expect((await claim(editorSocket, { slug: "desk", entries: ["x".repeat(65)] })).error).toMatch(/entries\.0/);
    // A journalist edits only their own entries; nobody claims an entry of another blog or one that is not there.
    expect((await claim(journalistSocket, { slug: "desk", entries: [colleagues.id] })).error).toMatch(
      /you may not edit/,
    );
    expect((await claim(editorSocket, { slug: "desk", entries: [elsewhere.id] })).error).toMatch(/you may not edit/);
    expect((await claim(editorSocket, { slug: "desk", entries: ["no-such-entry"] })).error).toMatch(/you may not edit/);
    // Only in a blog whose newsroom this socket joined.
    expect((await claim(editorSocket, { slug: "other-desk", entries: [elsewhere.id] })).error).toBe(
      "join this blog's newsroom first",
    );
    expect(await claim(editorSocket, { slug: "desk", entries: ids.slice(0, 3) })).toEqual({ ok: true });
    await waitForPeople(journalistSocket, [`Test editor: ${[...ids.slice(0, 3)].sort().join(" ")}`, "Test journalist"]);

    // Announcements are rate-limited per connection: a loop is cut off with a message.
    const answers: AdminJoinAck[] = [];
    for (let i = 0; i < 12; i++) answers.push(await claim(editorSocket, { slug: "desk", entries: [ids[i % 2]!] }));
    expect(answers.at(-1)?.error).toMatch(/too many presence updates; try again in \d+ s/);
  });

  it("never lets a reader's socket in: no join, no claims, no presence heard", async () => {
    const entry = await newEntry(editor);
    const editorSocket = await inNewsroom(server.url, cookies.editor);
    expect(await claim(editorSocket, { slug: "desk", entries: [entry.id] })).toEqual({ ok: true });

    const reader = await connect(server.url);
    expect(await joinBlog(reader, { slug: "desk" })).toMatchObject({ seq: expect.any(Number) });
    expect(await joinNewsroom(reader, { slug: "desk" })).toEqual({ error: "sign in to follow the newsroom" });
    expect(await claim(reader, { slug: "desk", entries: [entry.id] })).toEqual({
      error: "join this blog's newsroom first",
    });
    // A forged cookie is no session either.
    const forged = await connect(server.url, "liveline_session=forged");
    expect(await joinNewsroom(forged, { slug: "desk" })).toEqual({ error: "sign in to follow the newsroom" });

    // The editor's list changes (a colleague arrives); the readers hear none of it.
    await inNewsroom(server.url, cookies.journalist);
    await waitForPeople(editorSocket, [`Test editor: ${entry.id}`, "Test journalist"]);
    expect(ofType(reader, "presence:changed")).toEqual([]);
    expect(ofType(forged, "presence:changed")).toEqual([]);
    expect(peopleHeard(editorSocket)!.map((person) => person.name)).not.toContain(undefined);
  });

  it("takes away a user who is deactivated and a session that signs out", async () => {
    const created = await admin<{ user: { id: string } }>("POST", "/api/users", {
      email: "leaving-presence@test.liveline",
      password: "leaving-pw-1",
      role: "JOURNALIST",
      displayName: "Leaving Lee",
    });
    expect(created.status).toBe(201);
    const leaving = await sessionCookie(server.url, {
      email: "leaving-presence@test.liveline",
      password: "leaving-pw-1",
    });
    const editorSocket = await inNewsroom(server.url, cookies.editor);
    await inNewsroom(server.url, leaving);
    const signingOut = await signIn("journalist2");
    await inNewsroom(server.url, signingOut);
    await waitForPeople(editorSocket, ["Leaving Lee", "Test editor", "Test journalist2"]);

    expect((await admin("PATCH", `/api/users/${created.body.user.id}`, { active: false })).status).toBe(200);
    await waitForPeople(editorSocket, ["Test editor", "Test journalist2"], 3000);
    const out = await apiClient(server.url)("POST", "/api/auth/logout", undefined, { cookie: signingOut });
    expect(out.status).toBe(204);
    await waitForPeople(editorSocket, ["Test editor"], 3000);
  });
});

describe("who changed an entry, and the newsroom's lists", () => {
  it("names who saved an entry in the newsroom's notice: the authenticated writer, never the client", async () => {
    const entry = await newEntry(editor);
    const listener = await inNewsroom(server.url, cookies.journalist);
    const patched = await editor("PATCH", `/api/blogs/desk/entries/${entry.id}`, {
      version: entry.version,
      headline: "Changed underneath",
    });
    expect(patched.status).toBe(200);
    const saved = await waitFor(
      () => ofType(listener, "admin:entry-saved").find((heard) => heard.payload.entry.id === entry.id),
      "the saved notice",
    );
    expect(saved.payload.by).toEqual({ id: server.users.editor.id, name: "Test editor" });
    expect(saved.payload.entry.headline).toBe("Changed underneath");
  });

  it("tells those allowed to watch a list when it changes, and refuses the others", async () => {
    const dashboard = await connect(server.url, cookies.journalist);
    expect(await watch(dashboard, { list: "blogs" })).toEqual({ ok: true });
    const audit = await connect(server.url, cookies.editor);
    expect(await watch(audit, { list: "audit", slug: "desk" })).toEqual({ ok: true });
    const users = await connect(server.url, cookies.admin);
    expect(await watch(users, { list: "users" })).toEqual({ ok: true });

    const refused = await connect(server.url, cookies.journalist);
    expect((await watch(refused, { list: "audit", slug: "desk" })).error).toBe(
      "a journalist may not watch the audit log list",
    );
    expect((await watch(refused, { list: "users" })).error).toBe("a journalist may not watch the users list");
    const reader = await connect(server.url);
    expect(await watch(reader, { list: "blogs" })).toEqual({ error: "sign in to follow the newsroom" });
    expect((await watch(reader, { list: "secrets" })).error).toMatch(/list must be blogs, users or audit/);
    expect((await watch(audit, { list: "audit", slug: "no-such-blog" })).error).toBe(
      'no blog with slug "no-such-blog"',
    );

    expect((await editor("POST", "/api/blogs", { slug: "fresh-desk", title: "Fresh" })).status).toBe(201);
    await waitFor(
      () => ofType(dashboard, "admin:blogs-changed").find((heard) => heard.payload.blog === "fresh-desk"),
      "the dashboard's notice",
    );
    await newEntry(editor);
    await waitFor(() => ofType(audit, "admin:audit-changed")[0], "the audit log's notice");
    expect(ofType(audit, "admin:audit-changed").every((heard) => heard.payload.blog === "desk")).toBe(true);
    const user = await admin<{ user: { id: string } }>("POST", "/api/users", {
      email: "new-on-list@test.liveline",
      password: "new-on-list-1",
      role: "EDITOR",
    });
    await waitFor(
      () => ofType(users, "admin:users-changed").find((heard) => heard.payload.user === user.body.user.id),
      "the users list's notice",
    );
    // Those refused heard nothing.
    expect(refused.received).toEqual([]);
    expect(reader.received).toEqual([]);
  });
});

describe("a new role", () => {
  it("ends the user's live connections, so what they watch is checked again under the role they now have", async () => {
    const created = await admin<{ user: { id: string } }>("POST", "/api/users", {
      email: "demoted@test.liveline",
      password: "demoted-pw-1",
      role: "ADMIN",
      displayName: "Demoted Dee",
    });
    expect(created.status).toBe(201);
    const cookie = await sessionCookie(server.url, { email: "demoted@test.liveline", password: "demoted-pw-1" });
    const watching = await connect(server.url, cookie);
    expect(await watch(watching, { list: "users" })).toEqual({ ok: true });
    const ended = new Promise<string>((resolve) => watching.once("disconnect", resolve));
    expect((await admin("PATCH", `/api/users/${created.body.user.id}`, { role: "EDITOR" })).status).toBe(200);
    expect(await ended).toBe("io server disconnect");
    const again = await connect(server.url, cookie);
    expect(await watch(again, { list: "users" })).toEqual({ error: "an editor may not watch the users list" });
    expect(await watch(again, { list: "audit", slug: "desk" })).toEqual({ ok: true });
  });
});

describe.skipIf(!postgres)("presence across two nodes", () => {
  it("shows a colleague on the other node, takes them away at once when they leave, and a dead node after its TTL", async () => {
    const b = nodes.b!;
    const entry = await newEntry(editor);
    const onA = await inNewsroom(server.url, cookies.editor);
    const onB = await inNewsroom(b.url, await signIn("journalist", b.url));
    await waitForPeople(onA, ["Test editor", "Test journalist"]);
    expect(await claim(onA, { slug: "desk", entries: [entry.id] })).toEqual({ ok: true });
    await waitForPeople(onB, [`Test editor: ${entry.id}`, "Test journalist"]);
    onB.disconnect();
    await waitForPeople(onA, [`Test editor: ${entry.id}`], 3000);

    // A third node with someone on it dies without a word: it stops counting once its heartbeat is overdue.
    const c = await spawnServer(server.databaseUrl, nodes.env);
    try {
      await inNewsroom(c.url, await signIn("journalist2", c.url));
      await waitForPeople(onA, [`Test editor: ${entry.id}`, "Test journalist2"]);
      c.child.kill("SIGKILL");
      await waitForPeople(onA, [`Test editor: ${entry.id}`], PRESENCE_TTL_MS + 5000);
    } finally {
      await c.stop();
    }
  }, 60_000);
});
