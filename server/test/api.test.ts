// The write and read API over real HTTP against the real process and a real database.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { blogListItemSchema, type BlogDTO, type EntryDTO, type EntryPage } from "@/common/contracts/dto";
import type { EventsPage } from "@/common/contracts/events";
import { apiClient, startTestServer, type TestServer } from "./harness";

let server: TestServer;
let anon: ReturnType<typeof apiClient>;
let admin: ReturnType<typeof apiClient>;
let editor: ReturnType<typeof apiClient>;
let journalist: ReturnType<typeof apiClient>;
let journalist2: ReturnType<typeof apiClient>;

beforeAll(async () => {
  server = await startTestServer();
  anon = apiClient(server.url);
  admin = apiClient(server.url, server.users.admin.token);
  editor = apiClient(server.url, server.users.editor.token);
  journalist = apiClient(server.url, server.users.journalist.token);
  journalist2 = apiClient(server.url, server.users.journalist2.token);
});

afterAll(async () => {
  await server?.dispose();
});

async function newBlog(slug: string): Promise<BlogDTO> {
  const res = await editor<{ blog: BlogDTO }>("POST", "/api/blogs", {
    slug,
    title: `Blog ${slug}`,
    summary: "Summary",
  });
  expect(res.status).toBe(201);
  return res.body.blog;
}

async function publish(
  client: ReturnType<typeof apiClient>,
  slug: string,
  body: Record<string, unknown>,
): Promise<EntryDTO> {
  const res = await client<{ entry: EntryDTO }>("POST", `/api/blogs/${slug}/entries`, body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.entry;
}

describe("sessions", () => {
  it("logs in with a cookie, answers who am I, and logs out server-side", async () => {
    const { email, password } = server.users.editor;
    const wrong = await anon("POST", "/api/auth/login", { email, password: "nope" });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error).toMatch(/email or password/);

    const login = await anon("POST", "/api/auth/login", { email, password });
    expect(login.status).toBe(200);
    const cookie = login.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/liveline_session=[^;]+; Path=\/; HttpOnly; SameSite=Lax/);
    const session = cookie.split(";")[0]!;

    const me = await anon("GET", "/api/auth/me", undefined, { cookie: session });
    expect(me.status).toBe(200);
    expect(me.body.user).toEqual(login.body.user);
    expect(me.body.user).toMatchObject({ id: server.users.editor.id, role: "EDITOR", email });

    // A login posted from another site is refused (login CSRF).
    expect(
      (await anon("POST", "/api/auth/login", { email, password }, { origin: "https://evil.example" })).status,
    ).toBe(403);

    // A cookie-authenticated write from another site is refused (CSRF).
    const crossSite = await anon(
      "POST",
      "/api/blogs",
      { slug: "csrf-blog", title: "x" },
      { cookie: session, origin: "https://evil.example" },
    );
    expect(crossSite.status).toBe(403);
    const sameSite = await anon(
      "POST",
      "/api/blogs",
      { slug: "cookie-blog", title: "Cookie" },
      { cookie: session, origin: server.url },
    );
    expect(sameSite.status).toBe(201);

    const logout = await anon("POST", "/api/auth/logout", undefined, { cookie: session });
    expect(logout.status).toBe(204);
    const after = await anon("GET", "/api/auth/me", undefined, { cookie: session });
    expect(after.status).toBe(401);
    const write = await anon(
      "POST",
      "/api/blogs",
      { slug: "after-logout", title: "x" },
      { cookie: session, origin: server.url },
    );
    expect(write.status).toBe(401);
  });

  it("refuses an expired session", async () => {
    const { email, password, id } = server.users.journalist;
    const login = await anon("POST", "/api/auth/login", { email, password });
    const session = (login.headers.get("set-cookie") ?? "").split(";")[0]!;
    await server.db.prisma.session.updateMany({
      where: { userId: id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    const me = await anon("GET", "/api/auth/me", undefined, { cookie: session });
    expect(me.status).toBe(401);
  });

  it("refuses an unknown or revoked bearer token", async () => {
    const bad = await apiClient(server.url, "ll_not-a-token")("GET", "/api/auth/me");
    expect(bad.status).toBe(401);
    const created = await admin<{ token: string; apiToken: { id: string } }>("POST", "/api/tokens", {
      name: "wire feed",
      userId: server.users.journalist.id,
    });
    expect(created.status).toBe(201);
    const wire = apiClient(server.url, created.body.token);
    expect((await wire("GET", "/api/auth/me")).status).toBe(200);
    const listed = await admin("GET", "/api/tokens");
    expect(listed.body.tokens.find((t: { id: string }) => t.id === created.body.apiToken.id).lastUsedAt).not.toBeNull();
    expect((await admin("DELETE", `/api/tokens/${created.body.apiToken.id}`)).status).toBe(204);
    expect((await wire("GET", "/api/auth/me")).status).toBe(401);
    expect((await wire("POST", "/api/blogs/x/entries", { body: "<p>x</p>" })).status).toBe(401);
  });

  it("lets only admins manage users and tokens", async () => {
    expect(
      (await editor("POST", "/api/users", { email: "n@x.org", role: "EDITOR", password: "longenough" })).status,
    ).toBe(403);
    expect((await editor("GET", "/api/tokens")).status).toBe(403);
    expect((await anon("GET", "/api/users")).status).toBe(401);
    const created = await admin("POST", "/api/users", {
      email: "new.editor@x.org",
      role: "EDITOR",
      password: "longenough",
      displayName: "New Editor",
    });
    expect(created.status).toBe(201);
    expect(created.body.user).toMatchObject({ email: "new.editor@x.org", role: "EDITOR", displayName: "New Editor" });
    expect(created.body.user.passwordHash).toBeUndefined();
    expect(
      (await admin("POST", "/api/users", { email: "new.editor@x.org", role: "EDITOR", password: "longenough" })).status,
    ).toBe(409);
  });
});

describe("blogs", () => {
  it("lists each blog with its published-entry count, last update and newest picture, and the home page shows them", async () => {
    await newBlog("pictured");
    const picture = "/uploads/0123456789abcdef0123456789abcdef.jpg";
    await editor("POST", "/api/blogs/pictured/entries", {
      body: `<figure><img src="${picture}" alt="The quay"></figure>`,
    });
    await editor("POST", "/api/blogs/pictured/entries", { body: "<p>Draft</p>", status: "DRAFT" });
    const latest = await editor<{ entry: EntryDTO }>("POST", "/api/blogs/pictured/entries", { body: "<p>Later</p>" });

    const list = await anon<{ blogs: unknown[] }>("GET", "/api/blogs");
    expect(list.status).toBe(200);
    const blogs = list.body.blogs.map((blog) => blogListItemSchema.strict().parse(blog));
    expect(blogs.find((b) => b.slug === "pictured")).toMatchObject({
      entryCount: 2,
      lastUpdatedAt: latest.body.entry.publishedAt,
      image: { src: picture, alt: "The quay" },
    });

    const home = await fetch(`${server.url}/`);
    const html = await home.text();
    expect(html).toContain(`src="${picture}"`);
    expect(html).toContain('alt="The quay"');
    expect(html).toMatch(/2 updates(<!-- -->)? · updated /);

    // A new entry shows at once: the list is a cached value dropped by every change readers can see.
    await editor("POST", "/api/blogs/pictured/entries", { body: "<p>Third</p>" });
    const again = await anon<{ blogs: { slug: string; entryCount: number }[] }>("GET", "/api/blogs");
    expect(again.body.blogs.find((b) => b.slug === "pictured")?.entryCount).toBe(3);
    expect(await (await fetch(`${server.url}/`)).text()).toMatch(/3 updates(<!-- -->)? · updated /);
  });

  it("creates, reads, lists live first, edits and ends a blog", async () => {
    await newBlog("blog-one");
    const two = await newBlog("blog-two");
    expect(two).toMatchObject({ slug: "blog-two", title: "Blog blog-two", status: "LIVE", seq: 0 });

    const ended = await editor<{ blog: BlogDTO }>("PATCH", "/api/blogs/blog-one", {
      status: "ENDED",
      summary: "Over now",
    });
    expect(ended.status).toBe(200);
    expect(ended.body.blog).toMatchObject({ status: "ENDED", summary: "Over now", seq: 1 });
    expect(ended.body.blog.endedAt).not.toBeNull();

    const list = await anon<{ blogs: BlogDTO[] }>("GET", "/api/blogs");
    const slugs = list.body.blogs.map((b) => b.slug);
    expect(slugs.indexOf("blog-two")).toBeLessThan(slugs.indexOf("blog-one"));

    expect((await anon("GET", "/api/blogs/blog-two")).body.blog.title).toBe("Blog blog-two");
    expect((await anon("GET", "/api/blogs/no-such-blog")).status).toBe(404);

    // The answer and the event carry the blog exactly as stored.
    const stored = await server.db.prisma.blog.findUniqueOrThrow({ where: { slug: "blog-one" } });
    expect(ended.body.blog.updatedAt).toBe(stored.updatedAt.toISOString());

    // No new entries on an ended blog, not even a draft published late; reopening allows them again.
    const draft = await editor("POST", "/api/blogs/blog-two/entries", { body: "<p>draft</p>", status: "DRAFT" });
    await editor("PATCH", "/api/blogs/blog-two", { status: "ENDED" });
    expect(
      (await editor("PATCH", `/api/blogs/blog-two/entries/${draft.body.entry.id}`, { version: 1, status: "PUBLISHED" }))
        .status,
    ).toBe(409);
    await editor("PATCH", "/api/blogs/blog-two", { status: "LIVE" });
    expect((await editor("POST", "/api/blogs/blog-one/entries", { body: "<p>late</p>" })).status).toBe(409);
    expect((await editor("PATCH", "/api/blogs/blog-one", { status: "LIVE" })).body.blog.endedAt).toBeNull();
  });

  it("guards blog writes by role and validates input", async () => {
    expect((await anon("POST", "/api/blogs", { slug: "anon-blog", title: "x" })).status).toBe(401);
    // Who is asking is settled before the body: a stranger learns nothing from validation errors.
    expect((await anon("POST", "/api/blogs", { slug: "Not Valid" })).status).toBe(401);
    expect((await journalist("POST", "/api/blogs", { slug: "Not Valid" })).status).toBe(403);
    expect((await anon("POST", "/api/blogs/blog-two/entries", { nonsense: true })).status).toBe(401);
    expect((await journalist("POST", "/api/blogs", { slug: "j-blog", title: "x" })).status).toBe(403);
    expect((await journalist("PATCH", "/api/blogs/blog-two", { title: "x" })).status).toBe(403);
    const badSlug = await editor("POST", "/api/blogs", { slug: "Bad Slug!", title: "x" });
    expect(badSlug.status).toBe(400);
    expect(badSlug.body.error).toMatch(/^slug: /);
    const unknownField = await editor("POST", "/api/blogs", { slug: "ok-slug", title: "x", colour: "red" });
    expect(unknownField.status).toBe(400);
    expect(unknownField.body.error).toBe("colour: not a known field");
    expect((await editor("POST", "/api/blogs", { slug: "blog-two", title: "dup" })).status).toBe(409);
    expect((await editor("PATCH", "/api/blogs/blog-two", {})).status).toBe(400);
  });
});

describe("entries", () => {
  it("publishes with sanitized HTML and answers the entry as readers see it", async () => {
    await newBlog("entries-blog");
    const entry = await publish(journalist, "entries-blog", {
      headline: "Polls close",
      body: '<p onclick="steal()">Counting <strong>begins</strong> <a href="javascript:alert(1)">now</a></p><script>alert(1)</script>',
      label: "Breaking",
      keyEvent: true,
    });
    expect(entry).toMatchObject({
      blog: "entries-blog",
      headline: "Polls close",
      status: "PUBLISHED",
      pinned: false,
      keyEvent: true,
      label: "Breaking",
      version: 1,
      author: { id: server.users.journalist.id, name: "Test journalist" },
    });
    expect(entry.body).toBe(
      '<p>Counting <strong>begins</strong> <a rel="noopener noreferrer nofollow" target="_blank">now</a></p>',
    );
    const stored = await server.db.prisma.entry.findUniqueOrThrow({ where: { id: entry.id } });
    expect(stored.body).toBe(entry.body);
    expect(new Date(entry.publishedAt!).getTime()).toBeGreaterThan(Date.now() - 60_000);
  });

  it("rejects bad entry input with a message naming the field", async () => {
    const cases: [unknown, RegExp][] = [
      [{}, /^body: /],
      [{ body: 42 }, /^body: /],
      [{ body: "<p>x</p>", keyEvent: "yes" }, /^keyEvent: /],
      [{ body: "<p>x</p>", status: "LIVE" }, /^status: /],
      [{ body: "<p>x</p>", extra: 1 }, /extra/],
      [{ body: "<script>alert(1)</script>" }, /^body: nothing is left/],
    ];
    for (const [body, message] of cases) {
      const res = await editor("POST", "/api/blogs/entries-blog/entries", body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error).toMatch(message);
    }
    expect((await editor("POST", "/api/blogs/entries-blog/entries", "{not json")).status).toBe(400);
    expect(
      (await editor("POST", "/api/blogs/entries-blog/entries", "<p>x</p>", { "content-type": "text/html" })).status,
    ).toBe(415);
    const huge = await editor("POST", "/api/blogs/entries-blog/entries", { body: "x".repeat(300_000) });
    expect(huge.status).toBe(413);
    expect((await editor("POST", "/api/blogs/no-such-blog/entries", { body: "<p>x</p>" })).status).toBe(404);
    expect((await anon("GET", "/api/blogs/entries-blog/entries?limit=0")).status).toBe(400);
    expect((await anon("GET", "/api/blogs/entries-blog/entries?before=garbage")).status).toBe(400);
    expect((await anon("GET", "/api/blogs/entries-blog/entries?whatever=1")).status).toBe(400);
    expect((await anon("GET", "/api/nope")).status).toBe(404);
    const count = await server.db.prisma.entry.count({ where: { blog: { slug: "entries-blog" } } });
    expect(count).toBe(1);
  });

  it("takes only the blog's labels, with a message listing them, and keeps a label no longer in the list", async () => {
    await newBlog("label-blog");
    const entries = "/api/blogs/label-blog/entries";
    const listed =
      /^label "\w+" is not one of this blog's labels: Breaking, ICYMI, Analysis, Full report \(or null for none\)$/;

    const unknown = await editor("POST", entries, { body: "<p>x</p>", label: "Travel" });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toMatch(listed);
    expect((await editor("POST", entries, { body: "<p>x</p>", label: "breaking" })).status).toBe(400);
    expect(await server.db.prisma.entry.count({ where: { blog: { slug: "label-blog" } } })).toBe(0);

    expect((await publish(editor, "label-blog", { body: "<p>a</p>", label: " Analysis " })).label).toBe("Analysis");
    expect((await publish(editor, "label-blog", { body: "<p>b</p>", label: "" })).label).toBeNull();
    const entry = await publish(editor, "label-blog", { body: "<p>c</p>", label: "Breaking" });
    const path = `${entries}/${entry.id}`;
    const patched = await editor("PATCH", path, { version: 1, label: "Travel" });
    expect(patched.status).toBe(400);
    expect(patched.body.error).toMatch(listed);
    const stored = await server.db.prisma.entry.findUniqueOrThrow({ where: { id: entry.id } });
    expect({ label: stored.label, version: stored.version }).toEqual({ label: "Breaking", version: 1 });

    // A label no longer in the list (removed, or from before there was one) is still read, and kept by an edit
    // that does not name it; a new label for it must come from the list.
    await server.db.prisma.entry.update({ where: { id: entry.id }, data: { label: "Travel & <weather>" } });
    const edited = await editor<{ entry: EntryDTO }>("PATCH", path, { version: 1, body: "<p>c2</p>" });
    expect(edited.status).toBe(200);
    expect(edited.body.entry).toMatchObject({ label: "Travel & <weather>", body: "<p>c2</p>", version: 2 });
    const relabelled = await editor<{ entry: EntryDTO }>("PATCH", path, { version: 2, label: "Full report" });
    expect(relabelled.body.entry.label).toBe("Full report");
  });

  it("pages newest first with a cursor that never skips or repeats", async () => {
    await newBlog("paging-blog");
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) ids.unshift((await publish(editor, "paging-blog", { body: `<p>entry ${i}</p>` })).id);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = cursor ? `?limit=3&before=${cursor}` : "?limit=3";
      const res: { body: EntryPage } = await anon<EntryPage>("GET", `/api/blogs/paging-blog/entries${query}`);
      seen.push(...res.body.entries.map((e) => e.id));
      cursor = res.body.nextCursor;
      pages++;
      // New entries arriving while paging must not shift older pages.
      if (pages === 1) await publish(editor, "paging-blog", { body: "<p>arrived while paging</p>" });
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual(ids);
  });

  it("hides drafts from readers and publishes them later", async () => {
    const draft = await publish(journalist, "entries-blog", { body: "<p>draft</p>", status: "DRAFT" });
    expect(draft.publishedAt).toBeNull();
    expect((await anon("GET", `/api/blogs/entries-blog/entries/${draft.id}`)).status).toBe(404);
    expect((await journalist2("GET", `/api/blogs/entries-blog/entries/${draft.id}`)).status).toBe(404);
    expect((await journalist("GET", `/api/blogs/entries-blog/entries/${draft.id}`)).status).toBe(200);
    const list = await anon<EntryPage>("GET", "/api/blogs/entries-blog/entries");
    expect(list.body.entries.map((e) => e.id)).not.toContain(draft.id);
    const published = await journalist("PATCH", `/api/blogs/entries-blog/entries/${draft.id}`, {
      version: 1,
      status: "PUBLISHED",
    });
    expect(published.status).toBe(200);
    expect(published.body.entry.publishedAt).not.toBeNull();
    expect((await anon("GET", `/api/blogs/entries-blog/entries/${draft.id}`)).status).toBe(200);
  });

  it("edits with optimistic concurrency: a stale version gets 409 with the current entry", async () => {
    const entry = await publish(journalist, "entries-blog", { headline: "v1", body: "<p>one</p>" });
    const first = await editor("PATCH", `/api/blogs/entries-blog/entries/${entry.id}`, { version: 1, headline: "v2" });
    expect(first.status).toBe(200);
    expect(first.body.entry).toMatchObject({ headline: "v2", version: 2 });
    const stale = await journalist("PATCH", `/api/blogs/entries-blog/entries/${entry.id}`, {
      version: 1,
      headline: "lost",
    });
    expect(stale.status).toBe(409);
    expect(stale.body.current).toMatchObject({ id: entry.id, headline: "v2", version: 2 });
    expect(
      (await journalist("PATCH", `/api/blogs/entries-blog/entries/${entry.id}`, { headline: "no version" })).status,
    ).toBe(400);
    const stored = await server.db.prisma.entry.findUniqueOrThrow({ where: { id: entry.id } });
    expect(stored.headline).toBe("v2");
  });

  it("lets journalists edit and delete only their own entries, but pin any", async () => {
    const mine = await publish(journalist, "entries-blog", { body: "<p>mine</p>" });
    const theirs = await publish(journalist2, "entries-blog", { body: "<p>theirs</p>" });
    expect(
      (await journalist("PATCH", `/api/blogs/entries-blog/entries/${theirs.id}`, { version: 1, body: "<p>x</p>" }))
        .status,
    ).toBe(403);
    expect((await journalist("DELETE", `/api/blogs/entries-blog/entries/${theirs.id}`)).status).toBe(403);
    expect((await journalist("PUT", `/api/blogs/entries-blog/entries/${theirs.id}/pin`)).status).toBe(200);
    expect(
      (
        await journalist("PATCH", `/api/blogs/entries-blog/entries/${mine.id}`, {
          version: 1,
          body: "<p>mine, fixed</p>",
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await journalist("POST", "/api/blogs/entries-blog/entries", {
          body: "<p>as someone else</p>",
          authorId: server.users.editor.id,
        })
      ).status,
    ).toBe(403);
    const asOther = await publish(editor, "entries-blog", {
      body: "<p>filed for a colleague</p>",
      authorId: server.users.journalist2.id,
    });
    expect(asOther.author.id).toBe(server.users.journalist2.id);
    expect((await anon("PUT", `/api/blogs/entries-blog/entries/${mine.id}/pin`)).status).toBe(401);
    expect((await anon("DELETE", `/api/blogs/entries-blog/entries/${mine.id}`)).status).toBe(401);
    expect(
      (await anon("PATCH", `/api/blogs/entries-blog/entries/${mine.id}`, { version: 2, body: "<p>x</p>" })).status,
    ).toBe(401);
    expect((await journalist("DELETE", `/api/blogs/entries-blog/entries/${mine.id}`)).status).toBe(204);
    expect((await anon("GET", `/api/blogs/entries-blog/entries/${mine.id}`)).status).toBe(404);
    expect((await editor("DELETE", `/api/blogs/entries-blog/entries/${theirs.id}`)).status).toBe(204);
    // Soft delete: the row is kept.
    expect(await server.db.prisma.entry.findUnique({ where: { id: theirs.id } })).toMatchObject({
      deletedAt: expect.any(Date),
    });
  });

  it("pins and unpins, filters pinned pages, logs every visible change and replays it as things are now", async () => {
    await newBlog("log-blog");
    const a = await publish(editor, "log-blog", { body: "<p>a</p>" });
    const b = await publish(editor, "log-blog", { body: "<p>b</p>" });
    expect((await journalist("PUT", `/api/blogs/log-blog/entries/${a.id}/pin`)).body.entry.pinned).toBe(true);
    expect((await journalist("PUT", `/api/blogs/log-blog/entries/${a.id}/pin`)).status).toBe(200); // idempotent
    const pinned = await anon<EntryPage>("GET", "/api/blogs/log-blog/entries?pinned=true");
    expect(pinned.body.entries.map((e) => e.id)).toEqual([a.id]);
    const unpinnedPage = await anon<EntryPage>("GET", "/api/blogs/log-blog/entries?pinned=false");
    expect(unpinnedPage.body.entries.map((e) => e.id)).toEqual([b.id]);
    await editor("PATCH", `/api/blogs/log-blog/entries/${b.id}`, { version: 1, headline: "B" });
    await editor("DELETE", `/api/blogs/log-blog/entries/${a.id}/pin`);
    await editor("DELETE", `/api/blogs/log-blog/entries/${b.id}`);
    await editor("POST", "/api/blogs/log-blog/entries", { body: "<p>draft</p>", status: "DRAFT" });
    await editor("PATCH", "/api/blogs/log-blog", { title: "Renamed" });

    // The log has every change readers saw, as references: which entry, never its text.
    const rows = await server.db.prisma.blogEvent.findMany({
      where: { blog: { slug: "log-blog" } },
      orderBy: { seq: "asc" },
    });
    expect(rows.map((row) => [row.seq, row.type, row.entryId])).toEqual([
      [1, "entry:published", a.id],
      [2, "entry:published", b.id],
      [3, "entry:pinned", a.id],
      [4, "entry:updated", b.id],
      [5, "entry:unpinned", a.id],
      [6, "entry:deleted", b.id],
      [7, "blog:updated", null],
    ]);
    // A replay is one event per entry as it is now (b only as its deletion) and the blog as it is.
    const log = await anon<EventsPage>("GET", "/api/blogs/log-blog/events?since=0");
    expect(log.status).toBe(200);
    expect(log.body.events.map((e) => [e.type, e.payload.seq])).toEqual([
      ["entry:published", 5],
      ["entry:deleted", 6],
      ["blog:updated", 7],
    ]);
    expect(log.body.events[0]).toMatchObject({ payload: { entry: { id: a.id, pinned: false } } });
    expect(log.body.events[2]).toMatchObject({ payload: { details: { title: "Renamed", seq: 7 } } });
    expect(log.body.seq).toBe(7);
    const tail = await anon<EventsPage>("GET", "/api/blogs/log-blog/events?since=5");
    expect(tail.body.events.map((e) => e.payload.seq)).toEqual([6, 7]);
    expect(tail.body.events[0]).toEqual({ type: "entry:deleted", payload: { blog: "log-blog", seq: 6, id: b.id } });
    expect((await anon("GET", "/api/blogs/log-blog/events")).status).toBe(400);
    expect((await anon("GET", "/api/blogs/log-blog/events?since=-1")).status).toBe(400);
  });

  it("gives every concurrent publish its own sequence number", async () => {
    await newBlog("busy-blog");
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => editor("POST", "/api/blogs/busy-blog/entries", { body: `<p>${i}</p>` })),
    );
    expect(results.map((r) => r.status)).toEqual(Array(20).fill(201));
    const log = await anon<EventsPage>("GET", "/api/blogs/busy-blog/events?since=0");
    expect(log.body.events.map((e) => e.payload.seq)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });
});
