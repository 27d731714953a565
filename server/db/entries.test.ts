// The data layer against a real database file (or a fresh PostgreSQL database when DATABASE_URL is one).
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "../test/test-database";
import { opened } from "../test/committed";
import { listAuditEvents } from "./audit";
import { createBlog, listBlogs, listNewsroomBlogs, updateBlog } from "./blogs";
import { createEntry, deleteEntry, getEntry, listEntries, setEntryPinned, updateEntry } from "./entries";
import { replayEventsSince } from "./events";

const database = useTestDatabase({ editor: "EDITOR", journalist: "JOURNALIST", journalist2: "JOURNALIST" });
const { editor, journalist, journalist2 } = database.people;

beforeAll(async () => {
  await createBlog(database.prisma, editor, { slug: "data-blog", title: "Data", summary: "" });
});

describe("entries data layer", () => {
  it("writes the change and its event in one transaction, with the next seq", async () => {
    const db = database.prisma;
    const { entry, event } = opened(
      await createEntry(db, journalist, "data-blog", {
        body: "<p>one</p>",
        status: "PUBLISHED",
        keyEvent: false,
      }),
    );
    expect(event).toEqual({ type: "entry:published", payload: { blog: "data-blog", seq: 1, entry } });
    const { event: pinEvent } = opened(await setEntryPinned(db, journalist, "data-blog", entry.id, true));
    expect(pinEvent?.type).toBe("entry:pinned");
    expect(opened(await setEntryPinned(db, journalist, "data-blog", entry.id, true)).event).toBeNull();
    const { event: deleted } = opened(await deleteEntry(db, journalist, "data-blog", entry.id));
    expect(deleted).toEqual({ type: "entry:deleted", payload: { blog: "data-blog", seq: 3, id: entry.id } });
    const rows = await db.blogEvent.findMany({ where: { blog: { slug: "data-blog" } }, orderBy: { seq: "asc" } });
    expect(rows.map((row) => [row.seq, row.type, row.entryId])).toEqual([
      [1, "entry:published", entry.id],
      [2, "entry:pinned", entry.id],
      [3, "entry:deleted", entry.id],
    ]);
    expect((await replayEventsSince(db, "data-blog", 0)).events).toEqual([deleted]);
    expect((await db.blog.findUniqueOrThrow({ where: { slug: "data-blog" } })).seq).toBe(3);
  });

  it("returns what its commit tells readers and the newsroom: nothing for a retried create", async () => {
    const db = database.prisma;
    const types = (change: { effects: readonly { type: string }[] }) => change.effects.map((effect) => effect.type);
    const input = { body: "<p>told</p>", status: "PUBLISHED", keyEvent: false } as const;
    const created = opened(await createEntry(db, editor, "data-blog", input, { idempotencyKey: "told-1" }));
    expect(types(created)).toEqual(["broadcast", "newsroom-entry-saved", "blog-list-changed", "audit-recorded"]);
    const retried = opened(await createEntry(db, editor, "data-blog", input, { idempotencyKey: "told-1" }));
    expect(retried).toMatchObject({ entry: { id: created.entry.id }, replayed: true, effects: [] });
    const draft = opened(await createEntry(db, editor, "data-blog", { ...input, status: "DRAFT" }));
    // Who saved it is the actor the server authenticated, for the newsroom's "changed by" notices.
    const lists = [
      { type: "blog-list-changed", blog: "data-blog" },
      { type: "audit-recorded", blog: "data-blog" },
    ];
    expect(draft.effects).toEqual([
      { type: "newsroom-entry-saved", entry: draft.entry, by: { id: editor.id, name: editor.name } },
      ...lists,
    ]);
    expect(opened(await deleteEntry(db, editor, "data-blog", draft.entry.id)).effects).toEqual([
      { type: "newsroom-entry-removed", blog: "data-blog", id: draft.entry.id },
      ...lists,
    ]);
    const blog = opened(await updateBlog(db, editor, "data-blog", { summary: "Told" }));
    expect(types(blog)).toEqual(["broadcast", "blog-list-changed", "audit-recorded"]);
  });

  it("lets exactly one of two concurrent saves of the same version win", async () => {
    const db = database.prisma;
    const { entry } = opened(
      await createEntry(db, editor, "data-blog", {
        body: "<p>base</p>",
        status: "PUBLISHED",
        keyEvent: false,
      }),
    );
    const results = await Promise.allSettled([
      updateEntry(db, editor, "data-blog", entry.id, { version: 1, body: "<p>editor A</p>" }),
      updateEntry(db, editor, "data-blog", entry.id, { version: 1, body: "<p>editor B</p>" }),
    ]);
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0]!.reason).toMatchObject({ code: "CONFLICT" });
    const stored = await db.entry.findUniqueOrThrow({ where: { id: entry.id } });
    expect(stored.version).toBe(2);
  });

  it("writes nothing when a change is refused", async () => {
    const db = database.prisma;
    const before = await db.entry.count();
    // A journalist posting as someone else is refused before anything is written.
    await expect(
      createEntry(db, journalist, "data-blog", {
        body: "<p>x</p>",
        status: "PUBLISHED",
        keyEvent: false,
        authorId: editor.id,
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    // An entry for a blog that vanishes mid-way leaves nothing behind.
    await expect(
      createEntry(db, editor, "no-such-blog", { body: "<p>x</p>", status: "PUBLISHED", keyEvent: false }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db.entry.count()).toBe(before);
  });

  it("pages with a stable cursor", async () => {
    const db = database.prisma;
    await createBlog(db, editor, { slug: "cursor-blog", title: "C", summary: "" });
    for (let i = 0; i < 5; i++)
      opened(
        await createEntry(db, editor, "cursor-blog", { body: `<p>${i}</p>`, status: "PUBLISHED", keyEvent: false }),
      );
    const first = await listEntries(db, "cursor-blog", { limit: 2, status: "published" });
    const second = await listEntries(db, "cursor-blog", { limit: 2, status: "published", before: first.nextCursor! });
    const third = await listEntries(db, "cursor-blog", { limit: 2, status: "published", before: second.nextCursor! });
    expect([...first.entries, ...second.entries, ...third.entries].map((e) => e.body)).toEqual([
      "<p>4</p>",
      "<p>3</p>",
      "<p>2</p>",
      "<p>1</p>",
      "<p>0</p>",
    ]);
    expect(third.nextCursor).toBeNull();
  });
});

describe("scheduled entries", () => {
  const inAMinute = () => new Date(Date.now() + 60_000).toISOString();

  it("needs a future scheduledAt and stays invisible to readers until it publishes", async () => {
    const db = database.prisma;
    await createBlog(db, editor, { slug: "sched-blog", title: "S", summary: "" });
    await expect(
      createEntry(db, journalist, "sched-blog", { body: "<p>s</p>", status: "SCHEDULED", keyEvent: false }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringMatching(/^scheduledAt: /),
    });
    await expect(
      createEntry(db, journalist, "sched-blog", {
        body: "<p>s</p>",
        status: "SCHEDULED",
        scheduledAt: new Date(Date.now() - 1000).toISOString(),
        keyEvent: false,
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringMatching(/^scheduledAt: .*future/) });
    await expect(
      createEntry(db, journalist, "sched-blog", {
        body: "<p>s</p>",
        status: "PUBLISHED",
        scheduledAt: inAMinute(),
        keyEvent: false,
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringMatching(/^scheduledAt: /) });

    const at = inAMinute();
    const { entry, event } = opened(
      await createEntry(db, journalist, "sched-blog", {
        body: "<p>later</p>",
        status: "SCHEDULED",
        scheduledAt: at,
        keyEvent: false,
      }),
    );
    expect(event).toBeNull();
    expect(entry).toMatchObject({
      status: "SCHEDULED",
      scheduledAt: new Date(at).toISOString(),
      publishedAt: null,
      editedAt: null,
    });
    expect((await listEntries(db, "sched-blog", { limit: 20, status: "published" })).entries).toEqual([]);
    await expect(getEntry(db, null, "sched-blog", entry.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getEntry(db, journalist2, "sched-blog", entry.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await getEntry(db, editor, "sched-blog", entry.id)).status).toBe("SCHEDULED");

    // Editing keeps it scheduled (and its time); going back to draft clears the time.
    const edited = opened(await updateEntry(db, journalist, "sched-blog", entry.id, { version: 1, headline: "Later" }));
    expect(edited).toMatchObject({
      status: "SCHEDULED",
      scheduledAt: entry.scheduledAt,
      headline: "Later",
      editedAt: null,
    });
    expect(edited.event).toBeNull();
    await expect(
      updateEntry(db, journalist, "sched-blog", entry.id, { version: 2, scheduledAt: null }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const draft = opened(await updateEntry(db, journalist, "sched-blog", entry.id, { version: 2, status: "DRAFT" }));
    expect(draft).toMatchObject({ status: "DRAFT", scheduledAt: null });
    await expect(
      updateEntry(db, journalist, "sched-blog", entry.id, { version: 3, status: "SCHEDULED" }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringMatching(/^scheduledAt: /),
    });
    const rescheduled = opened(
      await updateEntry(db, journalist, "sched-blog", entry.id, {
        version: 3,
        status: "SCHEDULED",
        scheduledAt: at,
      }),
    );
    expect(rescheduled.status).toBe("SCHEDULED");
    // Publishing it by hand now works like publishing a draft.
    const published = opened(
      await updateEntry(db, journalist, "sched-blog", entry.id, { version: 4, status: "PUBLISHED" }),
    );
    expect(published).toMatchObject({ status: "PUBLISHED", scheduledAt: null });
    expect(published.event?.type).toBe("entry:published");
  });

  it("sets editedAt only when a published entry's headline, body or label changes", async () => {
    const db = database.prisma;
    await createBlog(db, editor, { slug: "edit-blog", title: "E", summary: "" });
    const { entry } = opened(
      await createEntry(db, editor, "edit-blog", {
        body: "<p>a</p>",
        status: "PUBLISHED",
        keyEvent: false,
      }),
    );
    expect(entry.editedAt).toBeNull();
    const keyEvent = opened(await updateEntry(db, editor, "edit-blog", entry.id, { version: 1, keyEvent: true }));
    expect(keyEvent.editedAt).toBeNull();
    const sameBody = opened(await updateEntry(db, editor, "edit-blog", entry.id, { version: 2, body: "<p>a</p>" }));
    expect(sameBody.editedAt).toBeNull();
    const changed = opened(await updateEntry(db, editor, "edit-blog", entry.id, { version: 3, label: "Analysis" }));
    expect(changed.editedAt).not.toBeNull();
    expect(changed.event).toMatchObject({
      type: "entry:updated",
      payload: { entry: { editedAt: changed.editedAt } },
    });
    const { entry: draft } = opened(
      await createEntry(db, editor, "edit-blog", {
        body: "<p>d</p>",
        status: "DRAFT",
        keyEvent: false,
      }),
    );
    expect(
      opened(await updateEntry(db, editor, "edit-blog", draft.id, { version: 1, body: "<p>d2</p>" })).editedAt,
    ).toBeNull();
  });

  it("refuses to schedule into an ended blog", async () => {
    const db = database.prisma;
    await createBlog(db, editor, { slug: "ended-sched", title: "E", summary: "" });
    const { entry } = opened(
      await createEntry(db, editor, "ended-sched", {
        body: "<p>d</p>",
        status: "DRAFT",
        keyEvent: false,
      }),
    );
    opened(await updateBlog(db, editor, "ended-sched", { status: "ENDED" }));
    await expect(
      updateEntry(db, editor, "ended-sched", entry.id, { version: 1, status: "SCHEDULED", scheduledAt: inAMinute() }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
  });
});

describe("publishing into a blog that is not live", () => {
  it("writes nothing into an ended blog and leaves its seq, and says which blog is missing", async () => {
    const db = database.prisma;
    await createBlog(db, editor, { slug: "ended-pub", title: "E", summary: "" });
    opened(await createEntry(db, editor, "ended-pub", { body: "<p>before</p>", status: "PUBLISHED", keyEvent: false }));
    const ended = opened(await updateBlog(db, editor, "ended-pub", { status: "ENDED" }));
    for (const status of ["PUBLISHED", "DRAFT"] as const) {
      await expect(
        createEntry(db, editor, "ended-pub", { body: "<p>late</p>", status, keyEvent: false }),
      ).rejects.toMatchObject({ code: "CONFLICT" });
    }
    const entries = await listEntries(db, "ended-pub", { status: "all", limit: 50 }, editor);
    expect(entries.entries.map((e) => e.body)).toEqual(["<p>before</p>"]);
    expect((await replayEventsSince(db, "ended-pub", 0)).seq).toBe(ended.seq);
    await expect(
      createEntry(db, editor, "no-such-blog", { body: "<p>x</p>", status: "PUBLISHED", keyEvent: false }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("names the entry's author and blog as they are, when an editor posts as another writer", async () => {
    const db = database.prisma;
    const { entry, event } = opened(
      await createEntry(db, editor, "data-blog", {
        body: "<p>by j</p>",
        status: "PUBLISHED",
        keyEvent: false,
        authorId: journalist.id,
      }),
    );
    expect(entry.author).toEqual({ id: journalist.id, name: journalist.name });
    expect(entry.blog).toBe("data-blog");
    expect(event?.payload).toMatchObject({ blog: "data-blog", entry: { id: entry.id, author: { id: journalist.id } } });
    expect(await getEntry(db, editor, "data-blog", entry.id)).toEqual(entry);
  });
});

describe("the newsroom's entry list", () => {
  it("shows writers scheduled entries, then drafts, then published ones as readers see them, with a cursor", async () => {
    const db = database.prisma;
    await createBlog(db, editor, { slug: "all-blog", title: "A", summary: "" });
    // A few milliseconds apart, so the order is by time and not by id.
    const tick = () => new Promise((resolve) => setTimeout(resolve, 5));
    const a = opened(
      await createEntry(db, editor, "all-blog", { body: "<p>a</p>", status: "PUBLISHED", keyEvent: false }),
    ).entry;
    await tick();
    const b = opened(
      await createEntry(db, journalist, "all-blog", { body: "<p>b</p>", status: "DRAFT", keyEvent: false }),
    ).entry;
    await tick();
    const c = opened(
      await createEntry(db, journalist2, "all-blog", {
        body: "<p>c</p>",
        status: "SCHEDULED",
        scheduledAt: new Date(Date.now() + 60_000).toISOString(),
        keyEvent: false,
      }),
    ).entry;
    await tick();
    const d = opened(
      await createEntry(db, editor, "all-blog", { body: "<p>d</p>", status: "DRAFT", keyEvent: false }),
    ).entry;
    // Touching a (the oldest) does not lift it.
    await tick();
    opened(await updateEntry(db, editor, "all-blog", a.id, { version: 1, headline: "A" }));

    await expect(listEntries(db, "all-blog", { limit: 20, status: "all" })).rejects.toMatchObject({
      code: "UNAUTHENTICATED",
    });
    const all = await listEntries(db, "all-blog", { limit: 20, status: "all" }, editor);
    expect(all.entries.map((e) => e.id)).toEqual([c.id, d.id, b.id, a.id]);

    const pages: string[] = [];
    let before: string | undefined;
    do {
      const page = await listEntries(db, "all-blog", { limit: 3, status: "all", before }, editor);
      pages.push(...page.entries.map((e) => e.id));
      before = page.nextCursor ?? undefined;
    } while (before);
    expect(pages).toEqual([c.id, d.id, b.id, a.id]);

    // Journalists: published entries and their own work.
    const mine = await listEntries(db, "all-blog", { limit: 20, status: "all" }, journalist);
    expect(mine.entries.map((e) => e.id)).toEqual([b.id, a.id]);
    // A cursor of one list is refused by the other.
    const readerPage = await listEntries(db, "all-blog", { limit: 1, status: "published" });
    expect(readerPage.entries.map((e) => e.id)).toEqual([a.id]);
    const firstAll = await listEntries(db, "all-blog", { limit: 1, status: "all" }, editor);
    await expect(
      listEntries(db, "all-blog", { limit: 1, status: "published", before: firstAll.nextCursor! }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("counts each blog's published and pending entries for the dashboard", async () => {
    const db = database.prisma;
    await expect(listNewsroomBlogs(db, null)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    const blogs = await listNewsroomBlogs(db, journalist);
    const all = blogs.find((blog) => blog.slug === "all-blog")!;
    expect(all).toMatchObject({ entryCount: 1, pendingCount: 3, title: "A" });
    expect(all.lastPublishedAt).not.toBeNull();
    await createBlog(db, editor, { slug: "empty-blog", title: "Empty", summary: "" });
    expect((await listNewsroomBlogs(db, editor)).find((blog) => blog.slug === "empty-blog")).toMatchObject({
      entryCount: 0,
      pendingCount: 0,
      lastPublishedAt: null,
    });
    expect((await listNewsroomBlogs(db, editor)).map((blog) => blog.slug)).toEqual(
      (await listBlogs(db)).map((blog) => blog.slug),
    );
  });
});

describe("the audit log", () => {
  it("records who did what to entries and blogs, newest first, for editors and admins", async () => {
    const db = database.prisma;
    await createBlog(db, editor, { slug: "audit-blog", title: "Audit", summary: "" });
    const { entry } = opened(
      await createEntry(db, journalist, "audit-blog", {
        headline: "Bridge closed",
        body: "<p>x</p>",
        status: "DRAFT",
        keyEvent: false,
      }),
    );
    opened(await updateEntry(db, journalist, "audit-blog", entry.id, { version: 1, status: "PUBLISHED" }));
    opened(
      await updateEntry(db, journalist, "audit-blog", entry.id, {
        version: 2,
        body: "<p>y</p>",
        label: "Analysis",
        keyEvent: true,
      }),
    );
    opened(await setEntryPinned(db, journalist, "audit-blog", entry.id, true));
    opened(await setEntryPinned(db, journalist, "audit-blog", entry.id, false));
    opened(await updateEntry(db, editor, "audit-blog", entry.id, { version: 3, status: "DRAFT", keyEvent: false }));
    opened(await deleteEntry(db, editor, "audit-blog", entry.id));
    const { entry: words } = opened(
      await createEntry(db, editor, "audit-blog", {
        body: `<p>${"Many words about the storm and the rain and the wind ".repeat(4)}</p>`,
        status: "PUBLISHED",
        keyEvent: false,
      }),
    );
    opened(await updateBlog(db, editor, "audit-blog", { title: "Audit log", summary: "s" }));
    opened(await updateBlog(db, editor, "audit-blog", { status: "ENDED" }));
    opened(await updateBlog(db, editor, "audit-blog", { status: "LIVE" }));

    await expect(listAuditEvents(db, null, "audit-blog", { limit: 50 })).rejects.toMatchObject({
      code: "UNAUTHENTICATED",
    });
    await expect(listAuditEvents(db, journalist, "audit-blog", { limit: 50 })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    const { events, nextCursor } = await listAuditEvents(db, editor, "audit-blog", { limit: 50 });
    expect(nextCursor).toBeNull();
    const log = events.map((e) => [e.action, e.actor?.id, e.summary]).reverse();
    expect(log).toEqual([
      ["blog.created", editor.id, "Audit"],
      ["entry.drafted", journalist.id, "Bridge closed"],
      ["entry.published", journalist.id, "Bridge closed"],
      ["entry.edited", journalist.id, "body, label: Bridge closed"],
      ["entry.key-event-set", journalist.id, "Bridge closed"],
      ["entry.pinned", journalist.id, "Bridge closed"],
      ["entry.unpinned", journalist.id, "Bridge closed"],
      ["entry.unpublished", editor.id, "Bridge closed"],
      ["entry.key-event-cleared", editor.id, "Bridge closed"],
      ["entry.deleted", editor.id, "Bridge closed"],
      ["entry.published", editor.id, expect.stringMatching(/^Many words about the storm .*…$/)],
      ["blog.edited", editor.id, "title, summary: Audit log"],
      ["blog.ended", editor.id, "Audit log"],
      ["blog.reopened", editor.id, "Audit log"],
    ]);
    expect(
      events.find((e) => e.action === "entry.published" && e.entryId === words.id)!.summary.length,
    ).toBeLessThanOrEqual(81);
    expect(events.every((e) => e.blog === "audit-blog")).toBe(true);

    // Pages of 4 walk the same log.
    const walked: string[] = [];
    let before: string | undefined;
    do {
      const page = await listAuditEvents(db, editor, "audit-blog", { limit: 4, before });
      walked.push(...page.events.map((e) => e.id));
      before = page.nextCursor ?? undefined;
    } while (before);
    expect(walked).toEqual(events.map((e) => e.id));
  });

  it("writes no audit row when the change is refused", async () => {
    const db = database.prisma;
    const before = await db.auditEvent.count();
    const { entry } = opened(
      await createEntry(db, editor, "data-blog", {
        body: "<p>v</p>",
        status: "PUBLISHED",
        keyEvent: false,
      }),
    );
    await expect(
      updateEntry(db, editor, "data-blog", entry.id, { version: 7, body: "<p>w</p>" }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await db.auditEvent.count()).toBe(before + 1);
  });
});
