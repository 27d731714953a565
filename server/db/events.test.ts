// Replays against a real database file (or PostgreSQL with DATABASE_URL): what a reader who missed some
// changes is sent, and what it is never sent again.
import { describe, expect, it } from "vitest";
import type { Actor } from "@/common/permissions";
import type { BlogEvent } from "@/common/contracts/events";
import { openTestDatabase } from "../test/harness";
import { useTestDatabase } from "../test/test-database";
import { opened } from "../test/committed";
import { createBlog, updateBlog } from "./blogs";
import { createEntry, deleteEntry, setEntryPinned, updateEntry } from "./entries";
import { replayEventsSince } from "./events";
import { insertUser } from "./users";

const database = useTestDatabase({ editor: "EDITOR" });
const { editor } = database.people;

let blogs = 0;
async function newBlog(): Promise<string> {
  const slug = `replay-${++blogs}`;
  await createBlog(database.prisma, editor, { slug, title: `Title ${slug}`, summary: "" });
  return slug;
}

const publish = async (slug: string, body: string, headline?: string) =>
  opened(await createEntry(database.prisma, editor, slug, { body, headline, status: "PUBLISHED", keyEvent: false }))
    .entry;

const shape = (events: BlogEvent[]) =>
  events.map((e) => [
    e.type,
    e.payload.seq,
    e.type === "entry:deleted"
      ? e.payload.id
      : e.type === "blog:updated"
        ? e.payload.details.title
        : e.type === "pins:reordered"
          ? e.payload.order.join(",")
          : e.payload.entry.id,
  ]);

describe("replayEventsSince", () => {
  it("sends each entry once, as it is now, and a deleted or unpublished one only as its deletion", async () => {
    const db = database.prisma;
    const slug = await newBlog();
    const kept = await publish(slug, "<p>LIBEL-1 first version</p>", "HEADLINE-1");
    const unpublished = await publish(slug, "<p>DRAFTED-2</p>");
    const deleted = await publish(slug, "<p>DELETED-3</p>");
    await updateEntry(db, editor, slug, kept.id, { version: 1, headline: "Corrected", body: "<p>Corrected text</p>" });
    await setEntryPinned(db, editor, slug, kept.id, true);
    await updateEntry(db, editor, slug, unpublished.id, { version: 1, status: "DRAFT" });
    await deleteEntry(db, editor, slug, deleted.id);
    await updateBlog(db, editor, slug, { title: "TITLE-OLD" });
    await updateBlog(db, editor, slug, { title: "Title now" });

    const page = await replayEventsSince(db, slug, 0);
    expect(shape(page.events)).toEqual([
      ["entry:published", 5, kept.id],
      ["entry:deleted", 6, unpublished.id],
      ["entry:deleted", 7, deleted.id],
      ["blog:updated", 9, "Title now"],
    ]);
    expect(page).toMatchObject({ seq: 9, hasMore: false });
    expect(page.events[0]).toMatchObject({
      payload: { entry: { headline: "Corrected", body: "<p>Corrected text</p>", pinned: true, version: 2 } },
    });
    for (const marker of ["LIBEL-1", "HEADLINE-1", "DRAFTED-2", "DELETED-3", "TITLE-OLD"])
      expect(JSON.stringify(page)).not.toContain(marker);

    // A reader that had seen the first two publishes gets the rest as an update, not a new entry.
    expect(shape((await replayEventsSince(db, slug, 2)).events)).toEqual([
      ["entry:updated", 5, kept.id],
      ["entry:deleted", 6, unpublished.id],
      ["entry:deleted", 7, deleted.id],
      ["blog:updated", 9, "Title now"],
    ]);
    // Up to date: nothing to send.
    expect(await replayEventsSince(db, slug, 9)).toEqual({ events: [], seq: 9, hasMore: false });
  });

  it("pages by log rows: a page ends where it was cut, and the next one starts there", async () => {
    const db = database.prisma;
    const slug = await newBlog();
    const entries = [];
    for (let i = 0; i < 5; i++) entries.push(await publish(slug, `<p>${i}</p>`));
    await updateEntry(db, editor, slug, entries[0]!.id, { version: 1, headline: "Edited" });

    const first = await replayEventsSince(db, slug, 0, { limit: 3 });
    expect(first).toMatchObject({ seq: 3, hasMore: true });
    expect(first.events.map((e) => e.payload.seq)).toEqual([1, 2, 3]);
    // Entry 0 is shown as it is now already (edited), and comes again in the page that holds its edit.
    expect(first.events[0]).toMatchObject({ payload: { entry: { headline: "Edited" } } });
    const second = await replayEventsSince(db, slug, first.seq, { limit: 3 });
    expect(second).toMatchObject({ seq: 6, hasMore: false });
    expect(shape(second.events)).toEqual([
      ["entry:published", 4, entries[3]!.id],
      ["entry:published", 5, entries[4]!.id],
      ["entry:updated", 6, entries[0]!.id],
    ]);
  });

  it("keeps a page within its bytes: it ends before the entry that would take it over, but always carries one", async () => {
    const db = database.prisma;
    const slug = await newBlog();
    const big = `<p>${"z".repeat(5_000)}</p>`;
    for (let i = 0; i < 4; i++) await publish(slug, big);
    const page = await replayEventsSince(db, slug, 0, { maxBytes: 12_000 });
    expect(page.events.map((e) => e.payload.seq)).toEqual([1, 2]);
    expect(page).toMatchObject({ seq: 2, hasMore: true });
    const tiny = await replayEventsSince(db, slug, 2, { maxBytes: 10 });
    expect(tiny.events.map((e) => e.payload.seq)).toEqual([3]);
    expect(tiny).toMatchObject({ seq: 3, hasMore: true });
  });
});

describe("the event log's retention", () => {
  it("keeps as many of a blog's newest events as the client was opened with", async () => {
    const short = await openTestDatabase({ eventLogRetention: 3 });
    try {
      const db = short.prisma;
      const e = await insertUser(db, { email: "e@x.org", role: "EDITOR", password: "password1" });
      const writer: Actor = { id: e.id, role: e.role, name: e.displayName };
      await createBlog(db, writer, { slug: "short-log", title: "Short log", summary: "" });
      for (let i = 0; i < 5; i++)
        opened(
          await createEntry(db, writer, "short-log", { body: `<p>${i}</p>`, status: "PUBLISHED", keyEvent: false }),
        );
      const kept = await db.blogEvent.findMany({ where: { blog: { slug: "short-log" } }, orderBy: { seq: "asc" } });
      expect(kept.map((row) => row.seq)).toEqual([3, 4, 5]);
      await expect(replayEventsSince(db, "short-log", 1)).rejects.toMatchObject({ code: "GONE" });
    } finally {
      await short.dispose();
    }
  });
});
