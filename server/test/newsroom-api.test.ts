// The newsroom's HTTP API against the real process: dashboard lists, audit log, user admin, uploads.
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { io } from "socket.io-client";
import type { AuditEventDTO, BlogListItemDTO, BlogSummaryDTO, EntryDTO, UploadDTO } from "@/common/contracts/dto";
import { apiClient, startTestServer, type TestServer } from "./harness";

let server: TestServer;
let uploadsDir: string;
let anon: ReturnType<typeof apiClient>;
let admin: ReturnType<typeof apiClient>;
let editor: ReturnType<typeof apiClient>;
let journalist: ReturnType<typeof apiClient>;

beforeAll(async () => {
  uploadsDir = mkdtempSync(path.join(tmpdir(), "liveline-uploads-"));
  server = await startTestServer({ env: { UPLOADS_DIR: uploadsDir } });
  anon = apiClient(server.url);
  admin = apiClient(server.url, server.users.admin.token);
  editor = apiClient(server.url, server.users.editor.token);
  journalist = apiClient(server.url, server.users.journalist.token);
  expect((await editor("POST", "/api/blogs", { slug: "desk", title: "Desk", summary: "" })).status).toBe(201);
});

afterAll(async () => {
  await server?.dispose();
  rmSync(uploadsDir, { recursive: true, force: true });
});

async function signIn(user: { email: string; password: string }): Promise<string> {
  const login = await anon("POST", "/api/auth/login", { email: user.email, password: user.password });
  expect(login.status).toBe(200);
  return (login.headers.get("set-cookie") ?? "").split(";")[0]!;
}

describe("dashboard lists", () => {
  it("lists blogs with counts, drafts and scheduled entries, and contributors, for writers only", async () => {
    await journalist("POST", "/api/blogs/desk/entries", { body: "<p>pub</p>" });
    const draft = await journalist<{ entry: EntryDTO }>("POST", "/api/blogs/desk/entries", {
      body: "<p>mine</p>",
      status: "DRAFT",
    });
    await editor("POST", "/api/blogs/desk/entries", {
      body: "<p>later</p>",
      status: "SCHEDULED",
      scheduledAt: new Date(Date.now() + 3600_000).toISOString(),
    });

    expect((await anon("GET", "/api/blogs?view=newsroom")).status).toBe(401);
    expect((await anon("GET", "/api/blogs?view=other")).status).toBe(400);
    const blogs = await journalist<{ blogs: BlogSummaryDTO[] }>("GET", "/api/blogs?view=newsroom");
    expect(blogs.status).toBe(200);
    expect(blogs.body.blogs.find((b) => b.slug === "desk")).toMatchObject({
      entryCount: 1,
      pendingCount: 2,
      title: "Desk",
    });
    // The readers' list counts published entries only and says nothing of drafts or scheduled ones.
    const readers = await anon<{ blogs: BlogListItemDTO[] }>("GET", "/api/blogs");
    const desk = readers.body.blogs.find((b) => b.slug === "desk");
    expect(desk).toMatchObject({ entryCount: 1, image: null });
    expect(desk).not.toHaveProperty("pendingCount");

    expect((await anon("GET", "/api/blogs/desk/entries?status=all")).status).toBe(401);
    const all = await editor<{ entries: EntryDTO[] }>("GET", "/api/blogs/desk/entries?status=all");
    expect(all.body.entries.map((e) => e.status)).toEqual(["SCHEDULED", "DRAFT", "PUBLISHED"]);
    const mine = await apiClient(server.url, server.users.journalist2.token)<{ entries: EntryDTO[] }>(
      "GET",
      "/api/blogs/desk/entries?status=all",
    );
    expect(mine.body.entries.map((e) => e.status)).toEqual(["PUBLISHED"]);
    const ownDrafts = await journalist<{ entries: EntryDTO[] }>("GET", "/api/blogs/desk/entries?status=all");
    expect(ownDrafts.body.entries.map((e) => e.id)).toContain(draft.body.entry.id);
    expect((await anon("GET", "/api/blogs/desk/entries")).body.entries).toHaveLength(1);

    expect((await anon("GET", "/api/contributors")).status).toBe(401);
    const contributors = await journalist("GET", "/api/contributors");
    expect(contributors.status).toBe(200);
    expect(contributors.body.contributors).toContainEqual({
      id: server.users.editor.id,
      name: "Test editor",
      role: "EDITOR",
    });
  });
});

describe("audit log", () => {
  it("answers editors and admins, newest first with a cursor; journalists 403, anonymous 401", async () => {
    const entry = await journalist<{ entry: EntryDTO }>("POST", "/api/blogs/desk/entries", {
      headline: "Audited",
      body: "<p>a</p>",
    });
    await journalist("PATCH", `/api/blogs/desk/entries/${entry.body.entry.id}`, { version: 1, body: "<p>b</p>" });
    await editor("PUT", `/api/blogs/desk/entries/${entry.body.entry.id}/pin`);

    expect((await anon("GET", "/api/blogs/desk/audit")).status).toBe(401);
    expect((await journalist("GET", "/api/blogs/desk/audit")).status).toBe(403);
    expect((await editor("GET", "/api/blogs/nope/audit")).status).toBe(404);
    const page = await editor<{ events: AuditEventDTO[]; nextCursor: string | null }>(
      "GET",
      "/api/blogs/desk/audit?limit=3",
    );
    expect(page.status).toBe(200);
    expect(page.body.events.map((e) => [e.action, e.actor?.name, e.summary])).toEqual([
      ["entry.pinned", "Test editor", "Audited"],
      ["entry.edited", "Test journalist", "body: Audited"],
      ["entry.published", "Test journalist", "Audited"],
    ]);
    expect(page.body.nextCursor).not.toBeNull();
    const rest = await admin<{ events: AuditEventDTO[]; nextCursor: string | null }>(
      "GET",
      `/api/blogs/desk/audit?limit=100&before=${page.body.nextCursor}`,
    );
    expect(rest.body.events.at(-1)).toMatchObject({ action: "blog.created", summary: "Desk" });
    expect(rest.body.nextCursor).toBeNull();
    expect((await editor("GET", "/api/blogs/desk/audit?before=nonsense")).status).toBe(400);
  });
});

describe("user admin", () => {
  it("deactivating a journalist ends their cookie, token and newsroom socket at once", async () => {
    const created = await admin("POST", "/api/users", {
      email: "leaving@test.liveline",
      role: "JOURNALIST",
      password: "leaving-pw-1",
    });
    expect(created.status).toBe(201);
    const id = created.body.user.id as string;
    const token = (await admin("POST", "/api/tokens", { name: "feed", userId: id })).body.token as string;
    const cookie = await signIn({ email: "leaving@test.liveline", password: "leaving-pw-1" });
    expect((await anon("GET", "/api/auth/me", undefined, { cookie })).status).toBe(200);
    expect((await apiClient(server.url, token)("GET", "/api/contributors")).status).toBe(200);
    const socket = io(server.url, {
      transports: ["websocket"],
      forceNew: true,
      reconnection: false,
      extraHeaders: { cookie },
    });
    try {
      await new Promise<void>((resolve) => socket.once("connect", () => resolve()));
      const ack = await new Promise((resolve) =>
        (socket.emit as (...args: unknown[]) => void)("admin:join", { slug: "desk" }, resolve),
      );
      expect(ack).toEqual({ ok: true });
      const disconnected = new Promise<void>((resolve) => socket.once("disconnect", () => resolve()));

      expect((await editor("PATCH", `/api/users/${id}`, { active: false })).status).toBe(403);
      expect((await anon("PATCH", `/api/users/${id}`, { active: false })).status).toBe(401);
      const off = await admin("PATCH", `/api/users/${id}`, { active: false });
      expect(off.status).toBe(200);
      expect(off.body.user).toMatchObject({ id, active: false, role: "JOURNALIST" });

      expect((await anon("GET", "/api/auth/me", undefined, { cookie })).status).toBe(401);
      expect((await apiClient(server.url, token)("GET", "/api/contributors")).status).toBe(401);
      expect((await apiClient(server.url, token)("POST", "/api/blogs/desk/entries", { body: "<p>x</p>" })).status).toBe(
        401,
      );
      await disconnected;
      expect(await server.db.prisma.session.count({ where: { userId: id } })).toBe(0);

      // Reactivated, they sign in again; the old cookie stays dead.
      expect((await admin("PATCH", `/api/users/${id}`, { active: true })).body.user.active).toBe(true);
      expect((await anon("GET", "/api/auth/me", undefined, { cookie })).status).toBe(401);
      await signIn({ email: "leaving@test.liveline", password: "leaving-pw-1" });
    } finally {
      socket.disconnect();
    }
  });

  it("changes roles and names, and refuses an admin's own deactivation or demotion", async () => {
    const id = server.users.journalist2.id;
    const changed = await admin("PATCH", `/api/users/${id}`, { role: "EDITOR", displayName: "Promoted" });
    expect(changed.body.user).toMatchObject({ role: "EDITOR", displayName: "Promoted" });
    expect((await admin("PATCH", `/api/users/${id}`, { role: "JOURNALIST" })).status).toBe(200);
    expect((await admin("PATCH", `/api/users/${id}`, {})).status).toBe(400);
    expect((await admin("PATCH", `/api/users/${id}`, { email: "x@y.z" })).status).toBe(400);
    expect((await admin("PATCH", "/api/users/nobody", { displayName: "X" })).status).toBe(404);

    const self = server.users.admin.id;
    const deactivate = await admin("PATCH", `/api/users/${self}`, { active: false });
    expect(deactivate.status).toBe(409);
    expect(deactivate.body.error).toMatch(/cannot deactivate yourself/);
    const demote = await admin("PATCH", `/api/users/${self}`, { role: "EDITOR" });
    expect(demote.status).toBe(409);
    expect(demote.body.error).toMatch(/own admin role/);
    expect((await admin("GET", "/api/auth/me")).body.user).toMatchObject({ role: "ADMIN", active: true });
  });
});

describe("uploads", () => {
  const PNG = Uint8Array.from([
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0,
  ]);
  const GIF = new TextEncoder().encode("GIF89a\x01\x00\x01\x00\x00\x00\x00;");
  const WEBP = Uint8Array.from([
    ...new TextEncoder().encode("RIFF"),
    26,
    0,
    0,
    0,
    ...new TextEncoder().encode("WEBPVP8 "),
    0,
    0,
    0,
    0,
  ]);
  const JPEG = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 74, 70, 73, 70, 0]);

  function upload(
    bytes: Uint8Array<ArrayBuffer>,
    { type = "image/png", name = "photo.png", token = server.users.journalist.token, field = "file" } = {},
  ) {
    const form = new FormData();
    form.append(field, new Blob([bytes], { type }), name);
    return fetch(`${server.url}/api/uploads`, {
      method: "POST",
      body: form,
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
  }

  it("stores each image type by its bytes and serves it back, immutable", async () => {
    for (const [bytes, contentType, extension] of [
      [PNG, "image/png", "png"],
      [GIF, "image/gif", "gif"],
      [WEBP, "image/webp", "webp"],
      // The client's content type is not what counts.
      [JPEG, "image/jpeg", "jpg"],
    ] as const) {
      const response = await upload(bytes, { type: "application/octet-stream", name: "x.bin" });
      expect(response.status).toBe(201);
      const answer = (await response.json()) as UploadDTO;
      expect(answer).toEqual({
        url: expect.stringMatching(new RegExp(`^/uploads/[a-f0-9]{32}\\.${extension}$`)),
        contentType,
        bytes: bytes.byteLength,
      });
      const served = await fetch(server.url + answer.url);
      expect(served.status).toBe(200);
      expect(served.headers.get("content-type")).toBe(contentType);
      expect(served.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
      expect(served.headers.get("x-content-type-options")).toBe("nosniff");
      expect(new Uint8Array(await served.arrayBuffer())).toEqual(bytes);
    }
    expect(readdirSync(uploadsDir)).toHaveLength(4);
  });

  it("refuses strangers, other types, big files and missing files", async () => {
    expect((await upload(PNG, { token: "" })).status).toBe(401);
    const html = await upload(new TextEncoder().encode("<html><script>alert(1)</script>"), {
      type: "image/png",
      name: "evil.png",
    });
    expect(html.status).toBe(415);
    expect(((await html.json()) as { error: string }).error).toMatch(/JPEG, PNG, WebP and GIF/);
    const big = new Uint8Array(5 * 1024 * 1024 + 1);
    big.set(PNG);
    expect((await upload(big)).status).toBe(413);
    expect((await upload(PNG, { field: "image" })).status).toBe(400);
    const json = await apiClient(server.url, server.users.journalist.token)("POST", "/api/uploads", { file: "x" });
    expect(json.status).toBe(415);
    const count = readdirSync(uploadsDir).length;
    expect(count).toBe(4);
  });

  it("answers 404 for unknown names and anything that is not a stored name", async () => {
    for (const name of [
      "0123456789abcdef0123456789abcdef.png",
      "..%2F..%2Fpackage.json",
      "%2e%2e%2fpackage.json",
      "x.png",
      "0123456789ABCDEF0123456789ABCDEF.png",
    ]) {
      const response = await fetch(`${server.url}/uploads/${name}`);
      expect(response.status, name).toBe(404);
    }
    expect((await fetch(`${server.url}/uploads/../package.json`)).status).not.toBe(200);
  });
});
