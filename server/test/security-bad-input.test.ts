// Bad input to every endpoint and socket event, against the real process: always a 4xx JSON
// { error, code } naming what is wrong, never a 500, and nothing half-written.
import { once } from "node:events";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { io, type Socket } from "socket.io-client";
import { apiClient, openRequest, rawRequest, startTestServer, waitFor, type TestServer } from "./harness";

let server: TestServer;
let entryId: string;
let sessionCookie: string;

const SLUG = "bad-input";
const UNKNOWN_CUID = "cmzzzzzzzzzzzzzzzzzzzzzzz";

beforeAll(async () => {
  // The rate limits have their own test; here they would only get in the way of a long table.
  server = await startTestServer({ env: { READ_RATE_PER_MINUTE: "0", WRITE_RATE_PER_MINUTE: "0" } });
  const editor = apiClient(server.url, server.users.editor.token);
  expect((await editor("POST", "/api/blogs", { slug: SLUG, title: "Bad input" })).status).toBe(201);
  const entry = await editor<{ entry: { id: string } }>("POST", `/api/blogs/${SLUG}/entries`, { body: "<p>first</p>" });
  expect(entry.status).toBe(201);
  entryId = entry.body.entry.id;
  const login = await apiClient(server.url)("POST", "/api/auth/login", {
    email: server.users.admin.email,
    password: server.users.admin.password,
  });
  sessionCookie = (login.headers.get("set-cookie") ?? "").split(";")[0]!;
});

afterAll(async () => {
  await server?.dispose();
});

type Who = "anonymous" | "journalist" | "editor" | "admin";

interface Case {
  name: string;
  method: string;
  path: string | (() => string);
  /** An object is sent as JSON; a string or bytes as they are. */
  body?: unknown;
  contentType?: string | null;
  as?: Who;
  status: number;
  /** What the error message must say (it names the wrong field or problem). */
  says: RegExp;
}

const JSON_CT = "application/json";
const BAD_UTF8 = Buffer.concat([
  Buffer.from('{"slug":"ab","title":"'),
  Buffer.from([0xff, 0xfe, 0xc3]),
  Buffer.from('"}'),
]);
const HUGE = JSON.stringify({ slug: "huge", title: "x".repeat(300 * 1024) });
const entryPath = () => `/api/blogs/${SLUG}/entries/${entryId}`;

/** The same malformed bodies, for every endpoint that takes JSON. */
function malformedBodies(method: string, path: string | (() => string), as: Who): Case[] {
  return [
    { name: "not JSON", method, path, as, body: "{not json", status: 400, says: /not valid JSON/ },
    { name: "empty body", method, path, as, body: "", status: 400, says: /not valid JSON/ },
    { name: "bad UTF-8", method, path, as, body: BAD_UTF8, status: 400, says: /not valid UTF-8/ },
    {
      name: "text/plain",
      method,
      path,
      as,
      body: "{}",
      contentType: "text/plain",
      status: 415,
      says: /application\/json/,
    },
    {
      name: "form encoded",
      method,
      path,
      as,
      body: "a=b",
      contentType: "application/x-www-form-urlencoded",
      status: 415,
      says: /application\/json/,
    },
    {
      name: "no content type",
      method,
      path,
      as,
      body: "{}",
      contentType: null,
      status: 415,
      says: /application\/json/,
    },
    { name: "over 256 KiB", method, path, as, body: HUGE, status: 413, says: /at most 262144 bytes/ },
    { name: "an array", method, path, as, body: [], status: 400, says: /expected object/i },
    { name: "null", method, path, as, body: null, status: 400, says: /expected object/i },
    { name: "a string", method, path, as, body: '"hello"', status: 400, says: /expected object/i },
    { name: "unknown field", method, path, as, body: { zzz: 1 }, status: 400, says: /zzz: not a known field/ },
  ];
}

const CASES: Case[] = [
  // Sign-in
  ...malformedBodies("POST", "/api/auth/login", "anonymous"),
  {
    name: "login email type",
    method: "POST",
    path: "/api/auth/login",
    body: { email: 5, password: "x" },
    status: 400,
    says: /email/,
  },
  {
    name: "login bad email",
    method: "POST",
    path: "/api/auth/login",
    body: { email: "not-an-email", password: "x" },
    status: 400,
    says: /email: email must be a valid address/,
  },
  {
    name: "login no password",
    method: "POST",
    path: "/api/auth/login",
    body: { email: "a@b.example" },
    status: 400,
    says: /password/,
  },
  {
    name: "login password too long",
    method: "POST",
    path: "/api/auth/login",
    body: { email: "a@b.example", password: "x".repeat(201) },
    status: 400,
    says: /password/,
  },

  // Blogs
  ...malformedBodies("POST", "/api/blogs", "editor"),
  {
    name: "blog slug uppercase",
    method: "POST",
    path: "/api/blogs",
    as: "editor",
    body: { slug: "Bad Slug", title: "x" },
    status: 400,
    says: /slug: slug may hold only/,
  },
  {
    name: "blog slug too short",
    method: "POST",
    path: "/api/blogs",
    as: "editor",
    body: { slug: "a", title: "x" },
    status: 400,
    says: /slug: slug must be at least 2/,
  },
  {
    name: "blog slug too long",
    method: "POST",
    path: "/api/blogs",
    as: "editor",
    body: { slug: "a".repeat(81), title: "x" },
    status: 400,
    says: /slug: slug must be at most 80/,
  },
  {
    name: "blog slug double hyphen",
    method: "POST",
    path: "/api/blogs",
    as: "editor",
    body: { slug: "a--b", title: "x" },
    status: 400,
    says: /slug/,
  },
  {
    name: "blog slug traversal",
    method: "POST",
    path: "/api/blogs",
    as: "editor",
    body: { slug: "../etc", title: "x" },
    status: 400,
    says: /slug/,
  },
  {
    name: "blog slug number",
    method: "POST",
    path: "/api/blogs",
    as: "editor",
    body: { slug: 12, title: "x" },
    status: 400,
    says: /slug/,
  },
  {
    name: "blog title missing",
    method: "POST",
    path: "/api/blogs",
    as: "editor",
    body: { slug: "no-title" },
    status: 400,
    says: /title/,
  },
  {
    name: "blog title blank",
    method: "POST",
    path: "/api/blogs",
    as: "editor",
    body: { slug: "no-title", title: "   " },
    status: 400,
    says: /title: title is required/,
  },
  {
    name: "blog title object",
    method: "POST",
    path: "/api/blogs",
    as: "editor",
    body: { slug: "no-title", title: { a: 1 } },
    status: 400,
    says: /title/,
  },
  {
    name: "blog summary too long",
    method: "POST",
    path: "/api/blogs",
    as: "editor",
    body: { slug: "long-sum", title: "x", summary: "s".repeat(2001) },
    status: 400,
    says: /summary/,
  },
  {
    name: "blog taken",
    method: "POST",
    path: "/api/blogs",
    as: "editor",
    body: { slug: SLUG, title: "x" },
    status: 409,
    says: /taken|exists/,
  },
  { name: "blog list view", method: "GET", path: "/api/blogs?view=secret", as: "editor", status: 400, says: /view/ },
  {
    name: "blog list unknown query",
    method: "GET",
    path: "/api/blogs?admin=1",
    status: 400,
    says: /admin: not a known field/,
  },
  ...malformedBodies("PATCH", `/api/blogs/${SLUG}`, "editor"),
  {
    name: "blog patch empty",
    method: "PATCH",
    path: `/api/blogs/${SLUG}`,
    as: "editor",
    body: {},
    status: 400,
    says: /give at least one of title, summary, status/,
  },
  {
    name: "blog patch status",
    method: "PATCH",
    path: `/api/blogs/${SLUG}`,
    as: "editor",
    body: { status: "DONE" },
    status: 400,
    says: /status/,
  },
  {
    name: "blog patch slug",
    method: "PATCH",
    path: `/api/blogs/${SLUG}`,
    as: "editor",
    body: { slug: "new-slug" },
    status: 400,
    says: /slug: not a known field/,
  },
  {
    name: "blog patch unknown blog",
    method: "PATCH",
    path: "/api/blogs/no-such-blog",
    as: "editor",
    body: { title: "x" },
    status: 404,
    says: /no blog/,
  },
  { name: "blog get invalid slug", method: "GET", path: "/api/blogs/NOT%20A%20SLUG", status: 404, says: /no blog/ },
  { name: "blog get encoded traversal", method: "GET", path: "/api/blogs/..%2F..%2Fetc", status: 404, says: /no blog/ },
  { name: "blog get long slug", method: "GET", path: `/api/blogs/${"a".repeat(2000)}`, status: 404, says: /no blog/ },

  // Entries
  ...malformedBodies("POST", `/api/blogs/${SLUG}/entries`, "editor"),
  {
    name: "entry body missing",
    method: "POST",
    path: `/api/blogs/${SLUG}/entries`,
    as: "editor",
    body: { headline: "x" },
    status: 400,
    says: /body/,
  },
  {
    name: "entry body number",
    method: "POST",
    path: `/api/blogs/${SLUG}/entries`,
    as: "editor",
    body: { body: 42 },
    status: 400,
    says: /body/,
  },
  {
    name: "entry body empty",
    method: "POST",
    path: `/api/blogs/${SLUG}/entries`,
    as: "editor",
    body: { body: "" },
    status: 400,
    says: /body: body is required/,
  },
  {
    name: "entry body too long",
    method: "POST",
    path: `/api/blogs/${SLUG}/entries`,
    as: "editor",
    body: { body: "x".repeat(100_001) },
    status: 400,
    says: /body: body must be at most 100000/,
  },
  {
    name: "entry body blank after sanitizing",
    method: "POST",
    path: `/api/blogs/${SLUG}/entries`,
    as: "editor",
    body: { body: "<script>alert(1)</script>" },
    status: 400,
    says: /body/,
  },
  {
    name: "entry status",
    method: "POST",
    path: `/api/blogs/${SLUG}/entries`,
    as: "editor",
    body: { body: "<p>x</p>", status: "LIVE" },
    status: 400,
    says: /status/,
  },
  {
    name: "entry scheduledAt garbage",
    method: "POST",
    path: `/api/blogs/${SLUG}/entries`,
    as: "editor",
    body: { body: "<p>x</p>", status: "SCHEDULED", scheduledAt: "tomorrow" },
    status: 400,
    says: /scheduledAt/,
  },
  {
    name: "entry scheduledAt past",
    method: "POST",
    path: `/api/blogs/${SLUG}/entries`,
    as: "editor",
    body: { body: "<p>x</p>", status: "SCHEDULED", scheduledAt: "2001-01-01T00:00:00Z" },
    status: 400,
    says: /scheduledAt/,
  },
  {
    name: "entry scheduledAt without SCHEDULED",
    method: "POST",
    path: `/api/blogs/${SLUG}/entries`,
    as: "editor",
    body: { body: "<p>x</p>", scheduledAt: "2099-01-01T00:00:00Z" },
    status: 400,
    says: /scheduledAt/,
  },
  {
    name: "entry keyEvent string",
    method: "POST",
    path: `/api/blogs/${SLUG}/entries`,
    as: "editor",
    body: { body: "<p>x</p>", keyEvent: "yes" },
    status: 400,
    says: /keyEvent/,
  },
  {
    name: "entry label too long",
    method: "POST",
    path: `/api/blogs/${SLUG}/entries`,
    as: "editor",
    body: { body: "<p>x</p>", label: "l".repeat(41) },
    status: 400,
    says: /label/,
  },
  {
    name: "entry headline too long",
    method: "POST",
    path: `/api/blogs/${SLUG}/entries`,
    as: "editor",
    body: { body: "<p>x</p>", headline: "h".repeat(301) },
    status: 400,
    says: /headline/,
  },
  {
    name: "entry headline array",
    method: "POST",
    path: `/api/blogs/${SLUG}/entries`,
    as: "editor",
    body: { body: "<p>x</p>", headline: ["a"] },
    status: 400,
    says: /headline/,
  },
  {
    name: "entry unknown author",
    method: "POST",
    path: `/api/blogs/${SLUG}/entries`,
    as: "editor",
    body: { body: "<p>x</p>", authorId: UNKNOWN_CUID },
    status: 400,
    says: /authorId/,
  },
  {
    name: "entry pinned field",
    method: "POST",
    path: `/api/blogs/${SLUG}/entries`,
    as: "editor",
    body: { body: "<p>x</p>", pinned: true },
    status: 400,
    says: /pinned: not a known field/,
  },
  {
    name: "entry version on create",
    method: "POST",
    path: `/api/blogs/${SLUG}/entries`,
    as: "editor",
    body: { body: "<p>x</p>", version: 9 },
    status: 400,
    says: /version: not a known field/,
  },
  {
    name: "entry in unknown blog",
    method: "POST",
    path: "/api/blogs/no-such-blog/entries",
    as: "editor",
    body: { body: "<p>x</p>" },
    status: 404,
    says: /no blog/,
  },
  {
    name: "entries limit 0",
    method: "GET",
    path: `/api/blogs/${SLUG}/entries?limit=0`,
    status: 400,
    says: /limit: limit must be at least 1/,
  },
  {
    name: "entries limit 101",
    method: "GET",
    path: `/api/blogs/${SLUG}/entries?limit=101`,
    status: 400,
    says: /limit: limit must be at most 100/,
  },
  {
    name: "entries limit text",
    method: "GET",
    path: `/api/blogs/${SLUG}/entries?limit=ten`,
    status: 400,
    says: /limit/,
  },
  {
    name: "entries limit fraction",
    method: "GET",
    path: `/api/blogs/${SLUG}/entries?limit=1.5`,
    status: 400,
    says: /limit/,
  },
  {
    name: "entries cursor garbage",
    method: "GET",
    path: `/api/blogs/${SLUG}/entries?before=%%%`,
    status: 400,
    says: /before: not a valid cursor/,
  },
  {
    name: "entries cursor base64 junk",
    method: "GET",
    path: `/api/blogs/${SLUG}/entries?before=${Buffer.from("1.x; DROP TABLE").toString("base64url")}`,
    status: 400,
    says: /before: not a valid cursor/,
  },
  {
    name: "entries cursor huge time",
    method: "GET",
    path: `/api/blogs/${SLUG}/entries?before=${Buffer.from("999999999999999999.abc").toString("base64url")}`,
    status: 400,
    says: /before: not a valid cursor/,
  },
  {
    name: "entries cursor too long",
    method: "GET",
    path: `/api/blogs/${SLUG}/entries?before=${"A".repeat(201)}`,
    status: 400,
    says: /before/,
  },
  {
    name: "entries cursor of the other list",
    method: "GET",
    path: `/api/blogs/${SLUG}/entries?before=${Buffer.from("u1700000000000.abc").toString("base64url")}`,
    status: 400,
    says: /before: not a valid cursor/,
  },
  {
    name: "entries pinned",
    method: "GET",
    path: `/api/blogs/${SLUG}/entries?pinned=maybe`,
    status: 400,
    says: /pinned/,
  },
  {
    name: "entries status",
    method: "GET",
    path: `/api/blogs/${SLUG}/entries?status=drafts`,
    status: 400,
    says: /status/,
  },
  {
    name: "entries unknown query",
    method: "GET",
    path: `/api/blogs/${SLUG}/entries?orderBy=asc`,
    status: 400,
    says: /orderBy: not a known field/,
  },
  {
    name: "entries unknown blog",
    method: "GET",
    path: "/api/blogs/no-such-blog/entries",
    status: 404,
    says: /no blog/,
  },
  {
    name: "entry unknown id",
    method: "GET",
    path: `/api/blogs/${SLUG}/entries/${UNKNOWN_CUID}`,
    status: 404,
    says: /entry/,
  },
  {
    name: "entry id traversal",
    method: "GET",
    path: `/api/blogs/${SLUG}/entries/..%2F..%2Fusers`,
    status: 404,
    says: /entry/,
  },
  {
    name: "entry id long",
    method: "GET",
    path: `/api/blogs/${SLUG}/entries/${"x".repeat(3000)}`,
    status: 404,
    says: /entry/,
  },
  {
    name: "entry id quote",
    method: "GET",
    path: `/api/blogs/${SLUG}/entries/'%20OR%201=1`,
    status: 404,
    says: /entry/,
  },
  ...malformedBodies("PATCH", entryPath, "editor"),
  {
    name: "entry patch no version",
    method: "PATCH",
    path: entryPath,
    as: "editor",
    body: { headline: "x" },
    status: 400,
    says: /version: version is required/,
  },
  {
    name: "entry patch version string",
    method: "PATCH",
    path: entryPath,
    as: "editor",
    body: { version: "1" },
    status: 400,
    says: /version/,
  },
  {
    name: "entry patch version 0",
    method: "PATCH",
    path: entryPath,
    as: "editor",
    body: { version: 0 },
    status: 400,
    says: /version/,
  },
  {
    name: "entry patch version fraction",
    method: "PATCH",
    path: entryPath,
    as: "editor",
    body: { version: 1.5 },
    status: 400,
    says: /version/,
  },
  {
    name: "entry patch stale version",
    method: "PATCH",
    path: entryPath,
    as: "editor",
    body: { version: 99, headline: "x" },
    status: 409,
    says: /changed by someone else/,
  },
  {
    name: "entry patch body null",
    method: "PATCH",
    path: entryPath,
    as: "editor",
    body: { version: 1, body: null },
    status: 400,
    says: /body/,
  },
  {
    name: "entry patch id field",
    method: "PATCH",
    path: entryPath,
    as: "editor",
    body: { version: 1, id: "other" },
    status: 400,
    says: /id: not a known field/,
  },
  {
    name: "entry patch unknown id",
    method: "PATCH",
    path: `/api/blogs/${SLUG}/entries/${UNKNOWN_CUID}`,
    as: "editor",
    body: { version: 1 },
    status: 404,
    says: /entry/,
  },
  {
    name: "entry patch wrong blog",
    method: "PATCH",
    path: () => `/api/blogs/no-such-blog/entries/${entryId}`,
    as: "editor",
    body: { version: 1 },
    status: 404,
    says: /no blog|entry/,
  },
  {
    name: "entry delete unknown id",
    method: "DELETE",
    path: `/api/blogs/${SLUG}/entries/${UNKNOWN_CUID}`,
    as: "editor",
    status: 404,
    says: /entry/,
  },
  {
    name: "pin unknown id",
    method: "PUT",
    path: `/api/blogs/${SLUG}/entries/${UNKNOWN_CUID}/pin`,
    as: "editor",
    status: 404,
    says: /entry/,
  },
  {
    name: "unpin unknown blog",
    method: "DELETE",
    path: () => `/api/blogs/no-such-blog/entries/${entryId}/pin`,
    as: "editor",
    status: 404,
    says: /no blog|entry/,
  },

  // Event log
  {
    name: "events no since",
    method: "GET",
    path: `/api/blogs/${SLUG}/events`,
    status: 400,
    says: /since: since must be a number/,
  },
  { name: "events since text", method: "GET", path: `/api/blogs/${SLUG}/events?since=abc`, status: 400, says: /since/ },
  {
    name: "events since negative",
    method: "GET",
    path: `/api/blogs/${SLUG}/events?since=-1`,
    status: 400,
    says: /since: since must be 0 or more/,
  },
  {
    name: "events since fraction",
    method: "GET",
    path: `/api/blogs/${SLUG}/events?since=1.5`,
    status: 400,
    says: /since/,
  },
  {
    name: "events since infinite",
    method: "GET",
    path: `/api/blogs/${SLUG}/events?since=1e400`,
    status: 400,
    says: /since/,
  },
  {
    name: "events since unsafe integer",
    method: "GET",
    path: `/api/blogs/${SLUG}/events?since=9007199254740993`,
    status: 400,
    says: /since/,
  },
  {
    name: "events since over 32 bits",
    method: "GET",
    path: `/api/blogs/${SLUG}/events?since=3000000000`,
    status: 400,
    says: /since: since must be at most 2147483647/,
  },
  {
    name: "events limit 0",
    method: "GET",
    path: `/api/blogs/${SLUG}/events?since=0&limit=0`,
    status: 400,
    says: /limit/,
  },
  {
    name: "events limit 1001",
    method: "GET",
    path: `/api/blogs/${SLUG}/events?since=0&limit=1001`,
    status: 400,
    says: /limit/,
  },
  {
    name: "events unknown query",
    method: "GET",
    path: `/api/blogs/${SLUG}/events?since=0&type=x`,
    status: 400,
    says: /type: not a known field/,
  },
  {
    name: "events unknown blog",
    method: "GET",
    path: "/api/blogs/no-such-blog/events?since=0",
    status: 404,
    says: /no blog/,
  },

  // Audit log
  {
    name: "audit limit",
    method: "GET",
    path: `/api/blogs/${SLUG}/audit?limit=500`,
    as: "editor",
    status: 400,
    says: /limit/,
  },
  {
    name: "audit cursor",
    method: "GET",
    path: `/api/blogs/${SLUG}/audit?before=nope`,
    as: "editor",
    status: 400,
    says: /before: not a valid cursor/,
  },
  {
    name: "audit unknown query",
    method: "GET",
    path: `/api/blogs/${SLUG}/audit?user=me`,
    as: "editor",
    status: 400,
    says: /user: not a known field/,
  },
  {
    name: "audit unknown blog",
    method: "GET",
    path: "/api/blogs/no-such-blog/audit",
    as: "editor",
    status: 404,
    says: /no blog/,
  },

  // Users
  ...malformedBodies("POST", "/api/users", "admin"),
  {
    name: "user bad email",
    method: "POST",
    path: "/api/users",
    as: "admin",
    body: { email: "x", role: "EDITOR", password: "long enough" },
    status: 400,
    says: /email: email must be a valid address/,
  },
  {
    name: "user short password",
    method: "POST",
    path: "/api/users",
    as: "admin",
    body: { email: "x@y.example", role: "EDITOR", password: "short" },
    status: 400,
    says: /password: password must be at least 8/,
  },
  {
    name: "user role",
    method: "POST",
    path: "/api/users",
    as: "admin",
    body: { email: "x@y.example", role: "ROOT", password: "long enough" },
    status: 400,
    says: /role/,
  },
  {
    name: "user active on create",
    method: "POST",
    path: "/api/users",
    as: "admin",
    body: { email: "x@y.example", role: "EDITOR", password: "long enough", active: false },
    status: 400,
    says: /active: not a known field/,
  },
  {
    name: "user email taken",
    method: "POST",
    path: "/api/users",
    as: "admin",
    body: { email: "editor@test.liveline", role: "EDITOR", password: "long enough" },
    status: 409,
    says: /email/,
  },
  ...malformedBodies("PATCH", () => `/api/users/${server.users.journalist2.id}`, "admin"),
  {
    name: "user patch empty",
    method: "PATCH",
    path: () => `/api/users/${server.users.journalist2.id}`,
    as: "admin",
    body: {},
    status: 400,
    says: /give at least one of displayName, role, active/,
  },
  {
    name: "user patch active string",
    method: "PATCH",
    path: () => `/api/users/${server.users.journalist2.id}`,
    as: "admin",
    body: { active: "no" },
    status: 400,
    says: /active/,
  },
  {
    name: "user patch password",
    method: "PATCH",
    path: () => `/api/users/${server.users.journalist2.id}`,
    as: "admin",
    body: { password: "new password" },
    status: 400,
    says: /password: not a known field/,
  },
  {
    name: "user patch email",
    method: "PATCH",
    path: () => `/api/users/${server.users.journalist2.id}`,
    as: "admin",
    body: { email: "x@y.example" },
    status: 400,
    says: /email: not a known field/,
  },
  {
    name: "user patch unknown id",
    method: "PATCH",
    path: `/api/users/${UNKNOWN_CUID}`,
    as: "admin",
    body: { displayName: "x" },
    status: 404,
    says: /user/,
  },

  // Tokens
  ...malformedBodies("POST", "/api/tokens", "admin"),
  { name: "token name missing", method: "POST", path: "/api/tokens", as: "admin", body: {}, status: 400, says: /name/ },
  {
    name: "token name too long",
    method: "POST",
    path: "/api/tokens",
    as: "admin",
    body: { name: "n".repeat(101) },
    status: 400,
    says: /name/,
  },
  {
    name: "token unknown user",
    method: "POST",
    path: "/api/tokens",
    as: "admin",
    body: { name: "x", userId: UNKNOWN_CUID },
    status: 400,
    says: /userId/,
  },
  {
    name: "token revoke unknown",
    method: "DELETE",
    path: `/api/tokens/${UNKNOWN_CUID}`,
    as: "admin",
    status: 404,
    says: /token/,
  },

  // Uploads
  {
    name: "upload as JSON",
    method: "POST",
    path: "/api/uploads",
    as: "journalist",
    body: { file: "x" },
    status: 415,
    says: /multipart\/form-data/,
  },
  {
    name: "upload broken multipart",
    method: "POST",
    path: "/api/uploads",
    as: "journalist",
    body: "--x\r\nnonsense",
    contentType: "multipart/form-data; boundary=x",
    status: 400,
    says: /multipart/,
  },

  // Unknown API paths
  { name: "unknown path", method: "GET", path: "/api/admin/secrets", status: 404, says: /no API route/ },
  {
    name: "unknown path POST",
    method: "POST",
    path: "/api/blogs/x/y/z/w",
    body: {},
    status: 404,
    says: /no API route/,
  },
];

const TOKENS = (): Record<Who, string | undefined> => ({
  anonymous: undefined,
  journalist: server.users.journalist.token,
  editor: server.users.editor.token,
  admin: server.users.admin.token,
});

async function send(c: Case): Promise<{ status: number; contentType: string; body: unknown }> {
  const headers: Record<string, string> = {};
  const token = TOKENS()[c.as ?? "anonymous"];
  if (token) headers.authorization = `Bearer ${token}`;
  let body: BodyInit | undefined;
  if (c.body !== undefined) {
    body =
      typeof c.body === "string" ? c.body : Buffer.isBuffer(c.body) ? new Uint8Array(c.body) : JSON.stringify(c.body);
    if (c.contentType !== null) headers["content-type"] = c.contentType ?? JSON_CT;
  }
  const path = typeof c.path === "function" ? c.path() : c.path;
  const response = await fetch(server.url + path, { method: c.method, headers, body });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // left as text: the assertion below reports it
  }
  return { status: response.status, contentType: response.headers.get("content-type") ?? "", body: parsed };
}

async function rowCounts(): Promise<Record<string, number>> {
  const p = server.db.prisma;
  const [blogs, entries, events, audit, users, tokens, sessions] = await Promise.all([
    p.blog.count(),
    p.entry.count(),
    p.blogEvent.count(),
    p.auditEvent.count(),
    p.user.count(),
    p.apiToken.count(),
    p.session.count(),
  ]);
  const blog = await p.blog.findUniqueOrThrow({ where: { slug: SLUG } });
  const entry = await p.entry.findUniqueOrThrow({ where: { id: entryId } });
  const user = await p.user.findUniqueOrThrow({ where: { id: server.users.journalist2.id } });
  return {
    blogs,
    entries,
    events,
    audit,
    users,
    tokens,
    sessions,
    seq: blog.seq,
    version: entry.version,
    active: user.active ? 1 : 0,
  };
}

describe("bad input over HTTP", () => {
  it("every endpoint answers every bad request with a 4xx { error, code } naming the problem, and writes nothing", async () => {
    const before = await rowCounts();
    const failures: string[] = [];
    for (const c of CASES) {
      const answer = await send(c);
      const body = answer.body as { error?: unknown; code?: unknown };
      const problems = [
        answer.status !== c.status && `status ${answer.status}, expected ${c.status}`,
        !answer.contentType.includes("application/json") && `content-type ${answer.contentType}`,
        (typeof body !== "object" ||
          body === null ||
          typeof body.error !== "string" ||
          typeof body.code !== "string") &&
          "not { error, code }",
        typeof body?.error === "string" && !c.says.test(body.error) && `message does not say ${c.says}`,
      ].filter(Boolean);
      if (problems.length)
        failures.push(`${c.method} ${c.name}: ${problems.join(", ")} — ${JSON.stringify(answer.body).slice(0, 200)}`);
    }
    expect(failures).toEqual([]);
    expect(await rowCounts()).toEqual(before);
    expect(server.output()).not.toMatch(/failed:|internal error/);
  });

  it("a body streamed without Content-Length is cut off at the cap (413), not buffered whole", async () => {
    // node:http, not fetch: fetch kept the half-sent connection in its pool, and the next test's request
    // went out on it (read by the server as more of this body) until the server dropped it.
    const { request, answer } = openRequest(server.url, "POST", "/api/blogs", {
      authorization: `Bearer ${server.users.editor.token}`,
      "content-type": JSON_CT,
    });
    let answered = false;
    const settled = answer.then(
      () => (answered = true),
      () => (answered = true),
    );
    // 4 MiB of spaces in chunks (no Content-Length), far over the cap: the server answers before it has them all.
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    for (let sent = 0; sent < 4 * 1024 * 1024 && !answered; sent += chunk.byteLength) {
      if (!request.write(chunk)) await Promise.race([once(request, "drain"), settled]);
    }
    const refused = await answer;
    request.destroy();
    expect(refused.status).toBe(413);
    expect(JSON.parse(refused.body)).toMatchObject({ code: "PAYLOAD_TOO_LARGE" });
  });

  it("a lying Content-Length over the cap is refused at once, without waiting for the body", async () => {
    // fetch refuses to send a length that does not match its body; node:http sends what it is told.
    const { request, answer } = openRequest(server.url, "POST", "/api/blogs", {
      authorization: `Bearer ${server.users.editor.token}`,
      "content-type": JSON_CT,
      "content-length": "999999999",
    });
    request.write(JSON.stringify({ slug: "liar", title: "x" }));
    // The other 999999972 bytes never come: any answer at all means the server did not wait for them.
    const refused = await answer;
    request.destroy();
    expect(refused.status).toBe(413);
    expect(JSON.parse(refused.body)).toMatchObject({ code: "PAYLOAD_TOO_LARGE" });
    expect(await server.db.prisma.blog.count({ where: { slug: "liar" } })).toBe(0);
  });

  it("a cookie session gets the same answers", async () => {
    const answer = await fetch(`${server.url}/api/blogs`, {
      method: "POST",
      headers: { cookie: sessionCookie, "content-type": "text/plain" },
      body: "{}",
    });
    expect(answer.status).toBe(415);
  });
});

describe("requests no route can serve", () => {
  /** What the server logged while `work` ran. */
  async function logDuring(work: () => Promise<unknown>): Promise<string> {
    const before = server.output().length;
    await work();
    return server.output().slice(before);
  }

  it("a path that does not decode, or decodes to a control character, is a 400 under /api and the 404 page elsewhere, never a 500", async () => {
    const log = await logDuring(async () => {
      for (const path of [
        "/api/blogs/%ff",
        "/api/blogs/x/entries/%",
        `/api/blogs/${SLUG}/entries/%E0%A4%A`,
        "/api/blogs/%00",
        `/api/blogs/${SLUG}/entries/%00`,
      ]) {
        const answer = await rawRequest(server.url, "GET", path);
        expect(answer.status, path).toBe(400);
        expect(answer.headers["content-type"], path).toContain("application/json");
        expect(JSON.parse(answer.body), path).toEqual({
          error: expect.stringMatching(/path is not valid/),
          code: "BAD_REQUEST",
        });
      }
      for (const path of ["/live/%ff/feed.xml", "/uploads/%ff", "/admin/blogs/%ff", "/live/%00", "/embed/%ff"]) {
        const answer = await rawRequest(server.url, "GET", path);
        expect(answer.status, path).toBe(404);
        expect(answer.body, path).toContain("Page not found");
      }
      // A broken query is left to the route, which names the parameter.
      expect((await rawRequest(server.url, "GET", `/api/blogs/${SLUG}/entries?before=%ff`)).status).toBe(400);
    });
    expect(log).not.toMatch(/failed|URIError|internal error|22021/);
  });

  it("a NUL character anywhere in a JSON body is a 400 on both databases, never a 500, and writes nothing", async () => {
    const editor = apiClient(server.url, server.users.editor.token);
    const log = await logDuring(async () => {
      for (const [path, body] of [
        ["/api/blogs", { slug: "nul-blog", title: "a\u0000b" }],
        [`/api/blogs/${SLUG}/entries`, { headline: "x\u0000", body: "<p>fine</p>" }],
        [`/api/blogs/${SLUG}/entries`, { body: "<p>fine</p>", ["label\u0000"]: "x" }],
      ] as const) {
        const answer = await editor("POST", path, body);
        expect(answer.status, path).toBe(400);
        expect(answer.body.error).toMatch(/NUL/);
      }
    });
    expect(log).not.toMatch(/failed|22021/);
    expect((await editor("GET", "/api/blogs/nul-blog")).status).toBe(404);
  });

  it("a method no route serves (TRACE) is a 501 naming the methods there are, never a 500", async () => {
    const log = await logDuring(async () => {
      const api = await rawRequest(server.url, "TRACE", "/api/blogs", {
        authorization: `Bearer ${server.users.editor.token}`,
      });
      expect(api.status).toBe(501);
      expect(JSON.parse(api.body)).toEqual({
        error: "TRACE is not supported here; use GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE",
        code: "NOT_IMPLEMENTED",
      });
      expect((await rawRequest(server.url, "TRACE", `/api/blogs/${SLUG}/entries/${entryId}`)).status).toBe(501);
      const page = await rawRequest(server.url, "TRACE", "/", { cookie: sessionCookie });
      expect(page.status).toBe(501);
      expect(page.body).not.toContain(sessionCookie);
    });
    expect(log).not.toMatch(/unsupported|failed/);
  });

  it("a signed-in user sent to sign in with a non-ASCII return path is redirected there, percent-encoded", async () => {
    const log = await logDuring(async () => {
      const answer = await rawRequest(server.url, "GET", "/admin/login?next=/admin/blogs/%E2%9C%93", {
        cookie: sessionCookie,
      });
      expect(answer.status).toBe(307);
      expect(answer.headers.location).toBe("/admin/blogs/%E2%9C%93");
    });
    expect(log).not.toMatch(/ERR_INVALID_CHAR|failed/);
  });

  it("a client that aborts its body half-way is logged as a client abort in one line, not as the database being unavailable", async () => {
    const { request, answer } = openRequest(server.url, "POST", "/api/blogs", {
      authorization: `Bearer ${server.users.editor.token}`,
      "content-type": JSON_CT,
      "content-length": "2000",
    });
    answer.catch(() => undefined); // the socket is destroyed before any answer
    const before = server.output().length;
    request.write(`{"slug":"aborted","title":"${"x".repeat(900)}`);
    await new Promise((resolve) => setTimeout(resolve, 300));
    request.destroy();
    const log = await waitFor(
      () => /client aborted/.test(server.output().slice(before)) && server.output().slice(before),
      "the abort to be logged",
    );
    expect(log).toMatch(
      /^\[liveline\] POST \/api\/blogs: client aborted: the request was cut off before its body ended$/m,
    );
    expect(log).not.toMatch(/database unavailable|ECONNRESET|\n\s+at /);
    expect(await server.db.prisma.blog.count({ where: { slug: "aborted" } })).toBe(0);
  });
});

describe("bad input over the socket", () => {
  const connect = (headers: Record<string, string> = {}) =>
    new Promise<Socket>((resolve, reject) => {
      const socket = io(server.url, {
        transports: ["websocket"],
        forceNew: true,
        reconnection: false,
        extraHeaders: headers,
      });
      socket.once("connect", () => resolve(socket));
      socket.once("connect_error", reject);
    });
  const ask = (socket: Socket, event: string, ...args: unknown[]) =>
    new Promise<unknown>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${event} got no ack`)), 3000);
      socket.emit(event, ...args, (ack: unknown) => {
        clearTimeout(timer);
        resolve(ack);
      });
    });

  const SHAPES: [string, unknown, RegExp][] = [
    ["nothing", undefined, /expected object/i],
    ["null", null, /expected object/i],
    ["a string", "bad-input", /expected object/i],
    ["a number", 42, /expected object/i],
    ["an array", [SLUG], /expected object/i],
    ["no slug", {}, /slug/],
    ["slug a number", { slug: 7 }, /slug/],
    ["slug uppercase", { slug: "BAD" }, /slug: slug may hold only/],
    ["slug traversal", { slug: "../x" }, /slug/],
    ["slug object", { slug: { $ne: null } }, /slug/],
    ["unknown field", { slug: SLUG, room: "newsroom:x" }, /room: not a known field/],
    ["unknown blog", { slug: "no-such-blog" }, /no blog with slug "no-such-blog"/],
  ];
  const JOIN_ONLY: [string, unknown, RegExp][] = [
    ["since negative", { slug: SLUG, since: -1 }, /since/],
    ["since string", { slug: SLUG, since: "0" }, /since/],
    ["since fraction", { slug: SLUG, since: 0.5 }, /since/],
    ["since huge", { slug: SLUG, since: 1e300 }, /since/],
    ["since over 32 bits", { slug: SLUG, since: 3_000_000_000 }, /since: since must be at most 2147483647/],
  ];

  it("blog:join and admin:join answer every wrong shape with { error } naming it; the socket stays usable", async () => {
    const reader = await connect();
    const login = await apiClient(server.url)("POST", "/api/auth/login", {
      email: server.users.editor.email,
      password: server.users.editor.password,
    });
    const writer = await connect({ cookie: (login.headers.get("set-cookie") ?? "").split(";")[0]! });
    const before = await rowCounts();
    const failures: string[] = [];
    for (const [name, request, says] of [...SHAPES, ...JOIN_ONLY]) {
      const ack = (await ask(reader, "blog:join", request)) as { error?: string };
      if (typeof ack?.error !== "string" || !says.test(ack.error))
        failures.push(`blog:join ${name}: ${JSON.stringify(ack)}`);
    }
    for (const [name, request, says] of [
      ...SHAPES,
      ["since field", { slug: SLUG, since: 0 }, /since: not a known field/] as const,
    ]) {
      const ack = (await ask(writer, "admin:join", request)) as { error?: string };
      if (typeof ack?.error !== "string" || !says.test(ack.error))
        failures.push(`admin:join ${name}: ${JSON.stringify(ack)}`);
    }
    expect(failures).toEqual([]);
    // Events nobody listens for, blog:leave with junk, and joins without an ack change nothing and break nothing.
    for (const junk of [undefined, null, 5, "x", { slug: 5 }, [1, 2]]) {
      reader.emit("blog:leave", junk);
      reader.emit("entry:published", junk);
      reader.emit("no:such-event", junk);
      reader.emit("blog:join", junk);
    }
    expect(await ask(reader, "blog:join", { slug: SLUG, since: 0 })).toMatchObject({ seq: expect.any(Number) });
    expect(await ask(writer, "admin:join", { slug: SLUG })).toEqual({ ok: true });
    expect(reader.connected && writer.connected).toBe(true);
    expect(await rowCounts()).toEqual(before);
    reader.disconnect();
    writer.disconnect();
  });
});
