// The data layer against a real database file (or a fresh PostgreSQL database when DATABASE_URL is one).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../auth/permissions";
import { createTestDatabase } from "../test/harness";
import { createBlog } from "./blogs";
import { createDb, type Database } from "./client";
import { createEntry, deleteEntry, listEntries, setEntryPinned, updateEntry } from "./entries";
import { replayEventsSince } from "./events";
import { migrateDatabase } from "./migrate";
import { insertUser } from "./users";

let database: Database;
let drop: () => Promise<void>;
let editor: Actor;
let journalist: Actor;

beforeAll(async () => {
  const fresh = await createTestDatabase();
  drop = fresh.drop;
  await migrateDatabase(fresh.url);
  database = createDb(fresh.url);
  const e = await insertUser(database.prisma, { email: "e@x.org", role: "EDITOR", password: "password1" });
  const j = await insertUser(database.prisma, { email: "j@x.org", role: "JOURNALIST", password: "password1" });
  editor = { id: e.id, role: e.role, name: e.displayName };
  journalist = { id: j.id, role: j.role, name: j.displayName };
  await createBlog(database.prisma, editor, { slug: "data-blog", title: "Data", summary: "" });
});

afterAll(async () => {
  await database?.close();
  await drop?.();
});

describe("entries data layer", () => {
  it("writes the change and its event in one transaction, with the next seq", async () => {
    const db = database.prisma;
    const { entry, event } = await createEntry(db, journalist, "data-blog", { body: "<p>one</p>", status: "PUBLISHED", keyEvent: false });
    expect(event).toEqual({ type: "entry:published", payload: { blog: "data-blog", seq: 1, entry } });
    const { event: pinEvent } = await setEntryPinned(db, journalist, "data-blog", entry.id, true);
    expect(pinEvent?.type).toBe("entry:pinned");
    expect((await setEntryPinned(db, journalist, "data-blog", entry.id, true)).event).toBeNull();
    const { event: deleted } = await deleteEntry(db, journalist, "data-blog", entry.id);
    expect(deleted).toEqual({ type: "entry:deleted", payload: { blog: "data-blog", seq: 3, id: entry.id } });
    const log = await replayEventsSince(db, "data-blog", 0);
    expect(log.events.map((e) => e.payload.seq)).toEqual([1, 2, 3]);
    expect((await db.blog.findUniqueOrThrow({ where: { slug: "data-blog" } })).seq).toBe(3);
  });

  it("lets exactly one of two concurrent saves of the same version win", async () => {
    const db = database.prisma;
    const { entry } = await createEntry(db, editor, "data-blog", { body: "<p>base</p>", status: "PUBLISHED", keyEvent: false });
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
      createEntry(db, journalist, "data-blog", { body: "<p>x</p>", status: "PUBLISHED", keyEvent: false, authorId: editor.id }),
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
    for (let i = 0; i < 5; i++) await createEntry(db, editor, "cursor-blog", { body: `<p>${i}</p>`, status: "PUBLISHED", keyEvent: false });
    const first = await listEntries(db, "cursor-blog", { limit: 2, status: "published" });
    const second = await listEntries(db, "cursor-blog", { limit: 2, status: "published", before: first.nextCursor! });
    const third = await listEntries(db, "cursor-blog", { limit: 2, status: "published", before: second.nextCursor! });
    expect([...first.entries, ...second.entries, ...third.entries].map((e) => e.body)).toEqual(["<p>4</p>", "<p>3</p>", "<p>2</p>", "<p>1</p>", "<p>0</p>"]);
    expect(third.nextCursor).toBeNull();
  });
});
