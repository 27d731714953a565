// Who may call what: every API route (read from app/api/** so a new route without a row fails here)
// against every kind of caller, and every socket event against every kind of socket.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { io, type Socket } from "socket.io-client";
import { apiClient, openRequest, startTestServer, waitFor, type TestServer } from "./harness";

/** A 1×1 PNG, enough for an upload. */
const TINY_PNG_FOR_TESTS = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==",
  "base64",
);

const API_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../app/api");

type Principal =
  | "anonymous"
  | "journalistOwn"
  | "journalistOther"
  | "editor"
  | "admin"
  | "expiredSession"
  | "revokedToken"
  | "deactivatedToken";
const PRINCIPALS: Principal[] = [
  "anonymous",
  "journalistOwn",
  "journalistOther",
  "editor",
  "admin",
  "expiredSession",
  "revokedToken",
  "deactivatedToken",
];

/** Expected statuses; `journalist` stands for both journalist columns when the route has no entry of someone's. */
type Expect = Partial<Record<Principal | "journalist" | "badCredential" | "all", number>>;

interface Target {
  path: string;
  body?: unknown;
  /** Sent as multipart/form-data instead of JSON. */
  form?: FormData;
}

interface Row {
  method: string;
  /** The route as its folder names it: /api/blogs/[slug]/entries/[id]. */
  route: string;
  what: string;
  /** Builds a fresh target for one call (writes must not depend on each other's leftovers). */
  target: (p: Principal) => Promise<Target> | Target;
  expect: Expect;
}

let server: TestServer;
let editor: ReturnType<typeof apiClient>;
let admin: ReturnType<typeof apiClient>;
const headersOf = {} as Record<Principal, Record<string, string>>;
const SLUG = "matrix";
let counter = 0;
const unique = (prefix: string) => `${prefix}-${++counter}`;

beforeAll(async () => {
  server = await startTestServer({ env: { READ_RATE_PER_MINUTE: "0", WRITE_RATE_PER_MINUTE: "0" } });
  editor = apiClient(server.url, server.users.editor.token);
  admin = apiClient(server.url, server.users.admin.token);
  expect((await editor("POST", "/api/blogs", { slug: SLUG, title: "Matrix" })).status).toBe(201);

  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  // An expired session: a real one, aged in the database.
  const login = await apiClient(server.url)("POST", "/api/auth/login", {
    email: server.users.journalist2.email,
    password: server.users.journalist2.password,
  });
  const expired = (login.headers.get("set-cookie") ?? "").split(";")[0]!;
  await server.db.prisma.session.updateMany({
    where: { userId: server.users.journalist2.id },
    data: { expiresAt: new Date(Date.now() - 1000) },
  });
  // A revoked token of an admin, and the token of an admin who was deactivated: both worth nothing.
  const revoked = await admin<{ token: string; apiToken: { id: string } }>("POST", "/api/tokens", { name: "revoked" });
  expect((await admin("DELETE", `/api/tokens/${revoked.body.apiToken.id}`)).status).toBe(204);
  const formerAdmin = await admin<{ user: { id: string } }>("POST", "/api/users", {
    email: "former@test.liveline",
    role: "ADMIN",
    password: "former admin pw",
  });
  const formerToken = await admin<{ token: string }>("POST", "/api/tokens", {
    name: "former",
    userId: formerAdmin.body.user.id,
  });
  expect((await admin("PATCH", `/api/users/${formerAdmin.body.user.id}`, { active: false })).status).toBe(200);

  Object.assign(headersOf, {
    anonymous: {},
    journalistOwn: bearer(server.users.journalist.token),
    journalistOther: bearer(server.users.journalist.token),
    editor: bearer(server.users.editor.token),
    admin: bearer(server.users.admin.token),
    expiredSession: { cookie: expired },
    revokedToken: bearer(revoked.body.token),
    deactivatedToken: bearer(formerToken.body.token),
  });
});

afterAll(async () => {
  await server?.dispose();
});

async function newEntry(
  author: "journalist" | "journalist2",
  status: "PUBLISHED" | "DRAFT" = "PUBLISHED",
): Promise<{ id: string; version: number }> {
  const answer = await apiClient(server.url, server.users[author].token)<{ entry: { id: string; version: number } }>(
    "POST",
    `/api/blogs/${SLUG}/entries`,
    { body: `<p>${unique("entry")}</p>`, status },
  );
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  return answer.body.entry;
}

/** A fresh label of the blog, added by the editor; its id. */
async function newLabel(): Promise<string> {
  const answer = await editor<{ label: { id: string } }>("POST", `/api/blogs/${SLUG}/labels`, {
    name: unique("label"),
    colour: "#14532d",
  });
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  return answer.body.label.id;
}

/** The journalist's own entry in the "own" column, a colleague's everywhere else. */
const entryFor = (p: Principal, status: "PUBLISHED" | "DRAFT" = "PUBLISHED") =>
  newEntry(p === "journalistOwn" ? "journalist" : "journalist2", status);

const WRITER = { anonymous: 401, expiredSession: 401, badCredential: 401 };
const SIGNED_IN = { ...WRITER, journalist: 200, editor: 200, admin: 200 };
const EDITORS = { ...WRITER, journalist: 403, editor: 200, admin: 200 };
const ADMINS = { ...WRITER, journalist: 403, editor: 403, admin: 200 };
const PUBLIC = { all: 200 };
const with201 = (e: Expect): Expect => Object.fromEntries(Object.entries(e).map(([k, v]) => [k, v === 200 ? 201 : v]));
const with204 = (e: Expect): Expect => Object.fromEntries(Object.entries(e).map(([k, v]) => [k, v === 200 ? 204 : v]));

const ROWS: Row[] = [
  // Sign-in and out: open to anyone, whatever credential comes along.
  {
    method: "POST",
    route: "/api/auth/login",
    what: "sign in",
    target: () => ({
      path: "/api/auth/login",
      body: { email: server.users.editor.email, password: server.users.editor.password },
    }),
    expect: { all: 200 },
  },
  {
    method: "POST",
    route: "/api/auth/logout",
    what: "sign out",
    target: () => ({ path: "/api/auth/logout" }),
    expect: { all: 204 },
  },
  {
    method: "GET",
    route: "/api/auth/me",
    what: "who am I",
    target: () => ({ path: "/api/auth/me" }),
    expect: SIGNED_IN,
  },

  // Blogs
  {
    method: "GET",
    route: "/api/blogs",
    what: "list blogs (public; the header is not looked at)",
    target: () => ({ path: "/api/blogs" }),
    expect: PUBLIC,
  },
  {
    method: "GET",
    route: "/api/blogs",
    what: "newsroom list",
    target: () => ({ path: "/api/blogs?view=newsroom" }),
    expect: SIGNED_IN,
  },
  {
    method: "POST",
    route: "/api/blogs",
    what: "create a blog",
    target: () => ({ path: "/api/blogs", body: { slug: unique("m-blog"), title: "x" } }),
    expect: with201(EDITORS),
  },
  {
    method: "GET",
    route: "/api/blogs/[slug]",
    what: "read a blog",
    target: () => ({ path: `/api/blogs/${SLUG}` }),
    expect: PUBLIC,
  },
  {
    method: "PATCH",
    route: "/api/blogs/[slug]",
    what: "edit a blog",
    target: () => ({ path: `/api/blogs/${SLUG}`, body: { summary: unique("s") } }),
    expect: EDITORS,
  },
  {
    method: "GET",
    route: "/api/blogs/[slug]/audit",
    what: "audit log",
    target: () => ({ path: `/api/blogs/${SLUG}/audit` }),
    expect: EDITORS,
  },
  {
    method: "GET",
    route: "/api/blogs/[slug]/events",
    what: "event log (public)",
    target: () => ({ path: `/api/blogs/${SLUG}/events?since=0` }),
    expect: PUBLIC,
  },

  // Entries
  {
    method: "GET",
    route: "/api/blogs/[slug]/entries",
    what: "published entries (public)",
    target: () => ({ path: `/api/blogs/${SLUG}/entries` }),
    expect: PUBLIC,
  },
  {
    method: "GET",
    route: "/api/blogs/[slug]/entries",
    what: "newsroom entry list",
    target: () => ({ path: `/api/blogs/${SLUG}/entries?status=all` }),
    expect: SIGNED_IN,
  },
  {
    method: "POST",
    route: "/api/blogs/[slug]/entries",
    what: "publish an entry",
    target: () => ({ path: `/api/blogs/${SLUG}/entries`, body: { body: "<p>new</p>" } }),
    expect: with201(SIGNED_IN),
  },
  {
    method: "POST",
    route: "/api/blogs/[slug]/entries",
    what: "publish as a colleague",
    target: () => ({
      path: `/api/blogs/${SLUG}/entries`,
      body: { body: "<p>as someone</p>", authorId: server.users.journalist2.id },
    }),
    expect: { ...WRITER, journalist: 403, editor: 201, admin: 201 },
  },
  {
    method: "GET",
    route: "/api/blogs/[slug]/entries/[id]",
    what: "read a published entry",
    target: async (p) => ({ path: `/api/blogs/${SLUG}/entries/${(await entryFor(p)).id}` }),
    // A bad token is refused; an expired session reads like anyone else.
    expect: { all: 200, badCredential: 401 },
  },
  {
    method: "GET",
    route: "/api/blogs/[slug]/entries/[id]",
    what: "read a draft",
    target: async (p) => ({ path: `/api/blogs/${SLUG}/entries/${(await entryFor(p, "DRAFT")).id}` }),
    expect: {
      anonymous: 404,
      expiredSession: 404,
      badCredential: 401,
      journalistOwn: 200,
      journalistOther: 404,
      editor: 200,
      admin: 200,
    },
  },
  {
    method: "PATCH",
    route: "/api/blogs/[slug]/entries/[id]",
    what: "edit a published entry",
    target: async (p) => ({
      path: `/api/blogs/${SLUG}/entries/${(await entryFor(p)).id}`,
      body: { version: 1, headline: "changed" },
    }),
    expect: { ...WRITER, journalistOwn: 200, journalistOther: 403, editor: 200, admin: 200 },
  },
  {
    method: "PATCH",
    route: "/api/blogs/[slug]/entries/[id]",
    what: "edit a draft",
    target: async (p) => ({
      path: `/api/blogs/${SLUG}/entries/${(await entryFor(p, "DRAFT")).id}`,
      body: { version: 1, status: "PUBLISHED" },
    }),
    expect: { ...WRITER, journalistOwn: 200, journalistOther: 404, editor: 200, admin: 200 },
  },
  {
    method: "DELETE",
    route: "/api/blogs/[slug]/entries/[id]",
    what: "delete an entry",
    target: async (p) => ({ path: `/api/blogs/${SLUG}/entries/${(await entryFor(p)).id}` }),
    expect: { ...WRITER, journalistOwn: 204, journalistOther: 403, editor: 204, admin: 204 },
  },
  {
    method: "GET",
    route: "/api/blogs/[slug]/entries/[id]/revisions",
    what: "read an entry's revisions",
    target: async (p) => ({ path: `/api/blogs/${SLUG}/entries/${(await entryFor(p)).id}/revisions` }),
    expect: { ...WRITER, journalistOwn: 200, journalistOther: 403, editor: 200, admin: 200 },
  },
  {
    method: "GET",
    route: "/api/blogs/[slug]/entries/[id]/revisions",
    what: "read a draft's revisions",
    target: async (p) => ({ path: `/api/blogs/${SLUG}/entries/${(await entryFor(p, "DRAFT")).id}/revisions` }),
    expect: { ...WRITER, journalistOwn: 200, journalistOther: 404, editor: 200, admin: 200 },
  },
  {
    method: "POST",
    route: "/api/blogs/[slug]/entries/[id]/revisions/[revisionId]/restore",
    what: "restore a revision",
    target: async (p) => {
      const { id } = await entryFor(p);
      const revision = await server.db.prisma.entryRevision.findFirstOrThrow({ where: { entryId: id } });
      return { path: `/api/blogs/${SLUG}/entries/${id}/revisions/${revision.id}/restore`, body: { version: 1 } };
    },
    expect: { ...WRITER, journalistOwn: 200, journalistOther: 403, editor: 200, admin: 200 },
  },
  {
    method: "POST",
    route: "/api/blogs/[slug]/entries/[id]/corrections",
    what: "attach a correction note",
    target: async (p) => ({
      path: `/api/blogs/${SLUG}/entries/${(await entryFor(p)).id}/corrections`,
      body: { text: "An earlier version said 7 000." },
    }),
    expect: { ...WRITER, journalist: 403, editor: 201, admin: 201 },
  },
  {
    method: "PUT",
    route: "/api/blogs/[slug]/entries/[id]/pin",
    what: "pin any visible entry",
    target: async (p) => ({ path: `/api/blogs/${SLUG}/entries/${(await entryFor(p)).id}/pin` }),
    expect: SIGNED_IN,
  },
  {
    method: "DELETE",
    route: "/api/blogs/[slug]/entries/[id]/pin",
    what: "unpin",
    target: async (p) => ({ path: `/api/blogs/${SLUG}/entries/${(await entryFor(p)).id}/pin` }),
    expect: SIGNED_IN,
  },
  // Review: editors and admins settle contributors' submissions; journalists take no part (docs/api.md).
  {
    method: "POST",
    route: "/api/blogs/[slug]/entries/[id]/review",
    what: "publish a contributor's submission",
    target: async () => {
      const answer = await apiClient(server.url, server.users.contributor.token)<{ entry: { id: string } }>(
        "POST",
        `/api/blogs/${SLUG}/entries`,
        { body: `<p>${unique("submission")}</p>` },
      );
      expect(answer.status).toBe(201);
      return { path: `/api/blogs/${SLUG}/entries/${answer.body.entry.id}/review`, body: { action: "publish" } };
    },
    expect: EDITORS,
  },
  {
    method: "GET",
    route: "/api/blogs/[slug]/submissions",
    what: "the review queue",
    target: () => ({ path: `/api/blogs/${SLUG}/submissions` }),
    expect: EDITORS,
  },
  {
    method: "PUT",
    route: "/api/blogs/[slug]/pins",
    what: "reorder the pinned entries",
    target: async () => {
      const pinned = await server.db.prisma.entry.findMany({
        where: { blog: { slug: SLUG }, pinned: true, status: "PUBLISHED", deletedAt: null },
        select: { id: true },
      });
      return { path: `/api/blogs/${SLUG}/pins`, body: { order: pinned.map((e) => e.id).reverse() } };
    },
    expect: SIGNED_IN,
  },

  // The blog's labels: anyone reads them, editors change them.
  {
    method: "GET",
    route: "/api/blogs/[slug]/labels",
    what: "label list (public)",
    target: () => ({ path: `/api/blogs/${SLUG}/labels` }),
    expect: PUBLIC,
  },
  {
    method: "POST",
    route: "/api/blogs/[slug]/labels",
    what: "add a label",
    target: () => ({ path: `/api/blogs/${SLUG}/labels`, body: { name: unique("label"), colour: "#1e3a8a" } }),
    expect: with201(EDITORS),
  },
  {
    method: "PATCH",
    route: "/api/blogs/[slug]/labels/[id]",
    what: "rename or recolour a label",
    target: async () => ({ path: `/api/blogs/${SLUG}/labels/${await newLabel()}`, body: { colour: "#000000" } }),
    expect: EDITORS,
  },
  {
    method: "DELETE",
    route: "/api/blogs/[slug]/labels/[id]",
    what: "remove a label",
    target: async () => ({ path: `/api/blogs/${SLUG}/labels/${await newLabel()}` }),
    expect: with204(EDITORS),
  },

  // People, tokens, uploads
  {
    method: "GET",
    route: "/api/contributors",
    what: "contributors",
    target: () => ({ path: "/api/contributors" }),
    expect: SIGNED_IN,
  },
  { method: "GET", route: "/api/users", what: "list users", target: () => ({ path: "/api/users" }), expect: ADMINS },
  {
    method: "POST",
    route: "/api/users",
    what: "create a user",
    target: () => ({
      path: "/api/users",
      body: { email: `${unique("u")}@test.liveline`, role: "ADMIN", password: "a long password" },
    }),
    expect: with201(ADMINS),
  },
  {
    method: "PATCH",
    route: "/api/users/[id]",
    what: "change a user's role",
    target: () => ({
      path: `/api/users/${server.users.journalist2.id}`,
      body: { role: "JOURNALIST", displayName: unique("name") },
    }),
    expect: ADMINS,
  },
  // Publisher settings
  {
    method: "GET",
    route: "/api/settings/publisher",
    what: "read the publisher's brand (public, like every page that shows it)",
    target: () => ({ path: "/api/settings/publisher" }),
    expect: PUBLIC,
  },
  {
    method: "PUT",
    route: "/api/settings/publisher",
    what: "change the publisher's brand",
    target: () => ({
      path: "/api/settings/publisher",
      body: { name: "Liveline", logoUrl: null, accentColor: "#b91c1c", timeZone: "UTC", locale: "en-GB" },
    }),
    expect: ADMINS,
  },

  { method: "GET", route: "/api/tokens", what: "list tokens", target: () => ({ path: "/api/tokens" }), expect: ADMINS },
  {
    method: "POST",
    route: "/api/tokens",
    what: "create a token",
    target: () => ({ path: "/api/tokens", body: { name: unique("t") } }),
    expect: with201(ADMINS),
  },
  {
    method: "DELETE",
    route: "/api/tokens/[id]",
    what: "revoke a token",
    target: async () => ({
      path: `/api/tokens/${(await admin<{ apiToken: { id: string } }>("POST", "/api/tokens", { name: unique("victim") })).body.apiToken.id}`,
    }),
    expect: with204(ADMINS),
  },
  {
    method: "POST",
    route: "/api/uploads",
    what: "upload an image",
    target: () => {
      const form = new FormData();
      form.append("file", new Blob([TINY_PNG_FOR_TESTS], { type: "image/png" }), "a.png");
      return { path: "/api/uploads", form };
    },
    expect: with201(SIGNED_IN),
  },

  // Unknown API paths: 404 for everyone and every method.
  ...["GET", "HEAD", "OPTIONS", "POST", "PUT", "PATCH", "DELETE"].map((method): Row => ({
    method,
    route: "/api/[...path]",
    what: "unknown path",
    target: () => ({ path: "/api/no/such/thing" }),
    expect: { all: 404 },
  })),
];

function expected(row: Row, p: Principal): number {
  const e = row.expect;
  const journalist = p === "journalistOwn" || p === "journalistOther" ? e.journalist : undefined;
  const bad = p === "revokedToken" || p === "deactivatedToken" ? e.badCredential : undefined;
  const value = e[p] ?? journalist ?? bad ?? e.all;
  if (value === undefined)
    throw new Error(`matrix row ${row.method} ${row.route} (${row.what}) has no expectation for ${p}`);
  return value;
}

/** Every method every route file exports, e.g. "PATCH /api/blogs/[slug]". */
function routesInTree(): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === "route.ts") {
        const source = readFileSync(full, "utf8");
        const route = "/api/" + path.relative(API_DIR, dir).split(path.sep).join("/");
        const methods = new Set<string>();
        for (const m of source.matchAll(
          /export\s+(?:const|async\s+function|function)\s+(GET|HEAD|OPTIONS|POST|PUT|PATCH|DELETE)\b/g,
        ))
          methods.add(m[1]!);
        for (const m of source.matchAll(/export\s*\{([^}]*)\}/g)) {
          for (const name of m[1]!.matchAll(
            /\bas\s+(GET|HEAD|OPTIONS|POST|PUT|PATCH|DELETE)\b|^\s*(GET|HEAD|OPTIONS|POST|PUT|PATCH|DELETE)\s*(?:,|$)/gm,
          ))
            methods.add((name[1] ?? name[2])!);
        }
        for (const method of methods) found.push(`${method} ${route.replace(/\/$/, "")}`);
      }
    }
  };
  walk(API_DIR);
  return found.sort();
}

async function call(row: Row, p: Principal): Promise<{ status: number; body: string }> {
  const target = await row.target(p);
  const headers: Record<string, string> = { ...headersOf[p] };
  let body: BodyInit | undefined;
  if (target.form) body = target.form;
  else if (target.body !== undefined) {
    body = JSON.stringify(target.body);
    headers["content-type"] = "application/json";
  }
  const response = await fetch(server.url + target.path, { method: row.method, headers, body });
  return { status: response.status, body: (await response.text()).slice(0, 160) };
}

describe("authorization matrix: HTTP", () => {
  it("has a row for every route and method in app/api (and none for routes that are gone)", () => {
    const inMatrix = [...new Set(ROWS.map((row) => `${row.method} ${row.route}`))].sort();
    expect(inMatrix).toEqual(routesInTree());
  });

  it("every route × every caller gets the expected status", async () => {
    const mismatches: string[] = [];
    for (const row of ROWS) {
      for (const p of PRINCIPALS) {
        const want = expected(row, p);
        const got = await call(row, p);
        if (got.status !== want)
          mismatches.push(
            `${row.method} ${row.route} (${row.what}) as ${p}: ${got.status}, expected ${want} — ${got.body}`,
          );
      }
    }
    expect(mismatches).toEqual([]);
    // About 300 requests one after another (and the entries they need): on a busy machine this took longer
    // than the default 30 s, and the sockets test after it then counted the entries it was still writing.
  }, 120_000);

  it("sign-out and deactivation end sessions on the server", async () => {
    const anon = apiClient(server.url);
    const signIn = async (email: string, password: string) =>
      ((await anon("POST", "/api/auth/login", { email, password })).headers.get("set-cookie") ?? "").split(";")[0]!;
    const me = (cookie: string) => anon("GET", "/api/auth/me", undefined, { cookie }).then((a) => a.status);

    const editorSession = await signIn(server.users.editor.email, server.users.editor.password);
    expect(await me(editorSession)).toBe(200);
    expect((await anon("POST", "/api/auth/logout", undefined, { cookie: editorSession })).status).toBe(204);
    expect(await me(editorSession)).toBe(401);

    const created = await admin<{ user: { id: string } }>("POST", "/api/users", {
      email: "leaver@test.liveline",
      role: "EDITOR",
      password: "leaver password",
    });
    const token = (
      await admin<{ token: string }>("POST", "/api/tokens", { name: "leaver", userId: created.body.user.id })
    ).body.token;
    const session = await signIn("leaver@test.liveline", "leaver password");
    expect(await me(session)).toBe(200);
    expect((await admin("PATCH", `/api/users/${created.body.user.id}`, { active: false })).status).toBe(200);
    expect(await me(session)).toBe(401);
    expect(await server.db.prisma.session.count({ where: { userId: created.body.user.id } })).toBe(0);
    expect((await apiClient(server.url, token)("POST", "/api/blogs", { slug: "from-leaver", title: "x" })).status).toBe(
      401,
    );
    expect(
      (await anon("POST", "/api/auth/login", { email: "leaver@test.liveline", password: "leaver password" })).status,
    ).toBe(401);
  });
});

describe("a credential that ends while the body is on its way", () => {
  /**
   * Sends the headers of POST /api/users (a new admin) with `token`, waits until the server has accepted
   * the token (its first use is stamped on it), runs `end` (revoke, deactivate), then sends the body.
   */
  async function createAdminAcross(token: { token: string; id: string }, end: () => Promise<void>, email: string) {
    const body = JSON.stringify({ email, role: "ADMIN", password: "a long password" });
    const { request, answer } = openRequest(server.url, "POST", "/api/users", {
      authorization: `Bearer ${token.token}`,
      "content-type": "application/json",
      "content-length": String(Buffer.byteLength(body)),
    });
    await waitFor(
      async () => (await server.db.prisma.apiToken.findUniqueOrThrow({ where: { id: token.id } })).lastUsedAt,
      "the server to accept the token",
    );
    await end();
    request.end(body);
    return answer;
  }

  const newToken = async (name: string, userId?: string) => {
    const created = await admin<{ token: string; apiToken: { id: string } }>("POST", "/api/tokens", { name, userId });
    expect(created.status).toBe(201);
    return { token: created.body.token, id: created.body.apiToken.id };
  };

  it("a token revoked between the headers and the body creates nobody: 401", async () => {
    const token = await newToken("revoked mid-request");
    const answer = await createAdminAcross(
      token,
      async () => expect((await admin("DELETE", `/api/tokens/${token.id}`)).status).toBe(204),
      "mid-revoke@test.liveline",
    );
    expect(answer.status).toBe(401);
    expect(JSON.parse(answer.body)).toEqual({ error: "the API token is invalid or revoked", code: "UNAUTHENTICATED" });
    expect(await server.db.prisma.user.count({ where: { email: "mid-revoke@test.liveline" } })).toBe(0);
  });

  it("an admin deactivated between the headers and the body creates nobody: 401", async () => {
    const leaving = await admin<{ user: { id: string } }>("POST", "/api/users", {
      email: "mid-leaver@test.liveline",
      role: "ADMIN",
      password: "leaving admin pw",
    });
    const token = await newToken("deactivated mid-request", leaving.body.user.id);
    const deactivate = async () =>
      expect((await admin("PATCH", `/api/users/${leaving.body.user.id}`, { active: false })).status).toBe(200);
    const answer = await createAdminAcross(token, deactivate, "mid-deactivate@test.liveline");
    expect(answer.status).toBe(401);
    expect(await server.db.prisma.user.count({ where: { email: "mid-deactivate@test.liveline" } })).toBe(0);
  });
});

describe("authorization matrix: sockets", () => {
  type SocketKind = "reader" | "journalist" | "editor" | "admin" | "expiredSession";
  const KINDS: SocketKind[] = ["reader", "journalist", "editor", "admin", "expiredSession"];
  const open: Socket[] = [];

  async function connect(kind: SocketKind): Promise<Socket & { got: string[] }> {
    let cookie: string | undefined;
    if (kind === "expiredSession") cookie = headersOf.expiredSession.cookie;
    else if (kind !== "reader") {
      const user = server.users[kind];
      const login = await apiClient(server.url)("POST", "/api/auth/login", {
        email: user.email,
        password: user.password,
      });
      cookie = (login.headers.get("set-cookie") ?? "").split(";")[0]!;
    }
    const socket = io(server.url, {
      transports: ["websocket"],
      forceNew: true,
      reconnection: false,
      extraHeaders: cookie ? { cookie } : {},
    }) as Socket & { got: string[] };
    socket.got = [];
    socket.onAny((event: string) => socket.got.push(event));
    open.push(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once("connect", resolve);
      socket.once("connect_error", reject);
    });
    return socket;
  }

  const ask = (socket: Socket, event: string, payload: unknown) =>
    new Promise<Record<string, unknown>>((resolve) => socket.emit(event, payload, resolve));

  afterAll(() => open.forEach((s) => s.disconnect()));

  it("blog:join is for everyone; admin:join only for signed-in writers", async () => {
    const results: Record<string, unknown> = {};
    for (const kind of KINDS) {
      const socket = await connect(kind);
      results[`${kind} blog:join`] = "seq" in (await ask(socket, "blog:join", { slug: SLUG })) ? "ok" : "refused";
      results[`${kind} admin:join`] = (await ask(socket, "admin:join", { slug: SLUG })).ok === true ? "ok" : "refused";
    }
    expect(results).toEqual({
      "reader blog:join": "ok",
      "reader admin:join": "refused",
      "journalist blog:join": "ok",
      "journalist admin:join": "ok",
      "editor blog:join": "ok",
      "editor admin:join": "ok",
      "admin blog:join": "ok",
      "admin admin:join": "ok",
      "expiredSession blog:join": "ok",
      "expiredSession admin:join": "refused",
    });
  });

  it("no socket can publish, edit or delete, whatever it sends; a refused one hears nothing from the newsroom", async () => {
    const sockets = await Promise.all(KINDS.map((kind) => connect(kind)));
    for (const socket of sockets) await ask(socket, "blog:join", { slug: SLUG });
    const refused = [sockets[0]!, sockets[4]!]; // reader, expired session
    for (const socket of refused) expect(await ask(socket, "admin:join", { slug: SLUG })).toHaveProperty("error");
    for (const socket of sockets.slice(1, 4))
      expect(await ask(socket, "admin:join", { slug: SLUG })).toEqual({ ok: true });

    const p = server.db.prisma;
    const counts = async () => [
      await p.entry.count(),
      await p.blogEvent.count(),
      (await p.blog.findUniqueOrThrow({ where: { slug: SLUG } })).seq,
    ];
    const before = await counts();
    const entry = await newEntry("journalist2");
    const afterPublish = await counts();
    const forged = {
      blog: SLUG,
      seq: 999,
      entry: { id: entry.id, blog: SLUG, body: "<p>forged</p>", headline: "forged" },
      id: entry.id,
    };
    for (const socket of sockets) {
      for (const event of [
        "entry:published",
        "entry:updated",
        "entry:deleted",
        "entry:pinned",
        "blog:updated",
        "admin:entry-saved",
        "admin:entry-removed",
        "entry:publish",
        "entry:update",
        "entry:delete",
      ]) {
        socket.emit(event, forged);
        socket.emit(event, forged, () => undefined);
      }
    }
    // A draft goes to the newsroom only: the refused sockets must not hear of it.
    await apiClient(server.url, server.users.editor.token)("POST", `/api/blogs/${SLUG}/entries`, {
      body: "<p>secret draft</p>",
      status: "DRAFT",
    });
    await new Promise((r) => setTimeout(r, 300));
    expect(await counts()).toEqual([afterPublish[0]! + 1, afterPublish[1], afterPublish[2]]);
    expect(afterPublish[1]).toBe(before[1]! + 1);
    const stored = await p.entry.findUniqueOrThrow({ where: { id: entry.id } });
    expect(stored.body).not.toContain("forged");
    expect(stored.pinned).toBe(false);
    // Nobody hears a forged event back; readers heard only the real publish.
    for (const socket of sockets) expect(socket.got.filter((e) => e.startsWith("entry:"))).toEqual(["entry:published"]);
    for (const socket of refused) expect(socket.got).not.toContain("admin:entry-saved");
    for (const socket of sockets.slice(1, 4)) expect(socket.got).toContain("admin:entry-saved");
  });
});
