// Pinned entries in the editors' order, and the stream in both orders, against a real database.
import { describe, expect, it } from "vitest";
import type { EntryDTO } from "@/common/contracts/dto";
import type { BlogEvent } from "@/common/contracts/events";
import { settle, type Committed, type Effect } from "../effects";
import { useTestDatabase } from "../test/test-database";
import { createBlog } from "./blogs";
import { createEntry, listEntries, listPinnedEntries, reorderPinnedEntries, setEntryPinned } from "./entries";
import { replayEventsSince } from "./events";

const database = useTestDatabase({ editor: "EDITOR", journalist: "JOURNALIST" });
const { editor, journalist } = database.people;

function open<T>(change: Committed<T>): { value: T; effects: readonly Effect[] } {
  let effects: readonly Effect[] = [];
  const value = settle(change, (applied) => (effects = applied));
  return { value, effects };
}

async function blogWith(slug: string, count: number): Promise<EntryDTO[]> {
  const db = database.prisma;
  open(await createBlog(db, editor, { slug, title: slug, summary: "" }));
  const entries: EntryDTO[] = [];
  for (let i = 0; i < count; i++) {
    const change = await createEntry(db, journalist, slug, {
      body: `<p>${i}</p>`,
      status: "PUBLISHED",
      keyEvent: false,
    });
    entries.push(open(change).value.entry);
  }
  return entries;
}

const ids = (list: { id: string }[]) => list.map((e) => e.id);
const pinnedIds = async (slug: string) => ids(await listPinnedEntries(database.prisma, slug));

describe("pinned entries in the editors' order", () => {
  it("puts a new pin on top, reorders them, logs it and replays the order as it is now", async () => {
    const db = database.prisma;
    const [a, b, c] = (await blogWith("pins-a", 3)) as [EntryDTO, EntryDTO, EntryDTO];
    for (const entry of [a, b, c]) open(await setEntryPinned(db, journalist, "pins-a", entry.id, true));
    expect(await pinnedIds("pins-a")).toEqual([c.id, b.id, a.id]);

    const { seq: before } = await db.blog.findUniqueOrThrow({ where: { slug: "pins-a" } });
    const { value, effects } = open(await reorderPinnedEntries(db, journalist, "pins-a", [a.id, c.id, b.id]));
    expect(ids(value)).toEqual([a.id, c.id, b.id]);
    expect(value.map((e) => e.pinOrder)).toEqual([0, 1, 2]);
    const event: BlogEvent = {
      type: "pins:reordered",
      payload: { blog: "pins-a", seq: before + 1, order: [a.id, c.id, b.id] },
    };
    expect(effects[0]).toEqual({ type: "broadcast", event });
    // The newsroom hears of each entry's new place.
    expect(effects.filter((effect) => effect.type === "newsroom-entry-saved")).toHaveLength(3);
    expect(await pinnedIds("pins-a")).toEqual([a.id, c.id, b.id]);

    // A replay says the order as it is now, even when it changed again since.
    open(await setEntryPinned(db, editor, "pins-a", c.id, false));
    const replay = await replayEventsSince(db, "pins-a", before);
    expect(replay.events.find((e) => e.type === "pins:reordered")?.payload).toEqual({
      blog: "pins-a",
      seq: before + 1,
      order: [a.id, b.id],
    });
    // Unpinned entries and pinned ones alike stay in the stream.
    const stream = await listEntries(db, "pins-a", { limit: 10, status: "published" });
    expect(ids(stream.entries)).toEqual([c.id, b.id, a.id]);
    expect(stream.entries.map((e) => e.pinned)).toEqual([false, true, true]);
  });

  it("refuses an order that is not exactly the pinned set, and writes nothing", async () => {
    const db = database.prisma;
    const [a, b, c] = (await blogWith("pins-b", 3)) as [EntryDTO, EntryDTO, EntryDTO];
    for (const entry of [a, b]) open(await setEntryPinned(db, editor, "pins-b", entry.id, true));
    const { seq } = await db.blog.findUniqueOrThrow({ where: { slug: "pins-b" } });
    for (const order of [[a.id], [a.id, b.id, c.id], [a.id, a.id, b.id], [a.id, "nope"], []]) {
      await expect(reorderPinnedEntries(db, editor, "pins-b", order)).rejects.toMatchObject({ code: "BAD_REQUEST" });
    }
    await expect(reorderPinnedEntries(db, null, "pins-b", [a.id, b.id])).rejects.toMatchObject({
      code: "UNAUTHENTICATED",
    });
    await expect(reorderPinnedEntries(db, editor, "no-such-blog", [])).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await db.blog.findUniqueOrThrow({ where: { slug: "pins-b" } })).seq).toBe(seq);
    expect(await pinnedIds("pins-b")).toEqual([b.id, a.id]);
  });

  it("never loses or doubles a pin when reorders, pins and unpins race", async () => {
    const db = database.prisma;
    const entries = await blogWith("pins-c", 5);
    const [a, b, c, d, e] = entries as [EntryDTO, EntryDTO, EntryDTO, EntryDTO, EntryDTO];
    for (const entry of [a, b, c, d]) open(await setEntryPinned(db, editor, "pins-c", entry.id, true));
    for (let round = 0; round < 6; round++) {
      const current = await pinnedIds("pins-c");
      const outcomes = await Promise.allSettled([
        reorderPinnedEntries(db, editor, "pins-c", [...current].reverse()),
        reorderPinnedEntries(db, journalist, "pins-c", [...current.slice(1), current[0]!]),
        setEntryPinned(db, editor, "pins-c", round % 2 ? e.id : current[1]!, round % 2 === 1),
      ]);
      for (const outcome of outcomes) {
        if (outcome.status === "rejected") expect(outcome.reason).toMatchObject({ code: "BAD_REQUEST" });
        else open<unknown>(outcome.value);
      }
      const pinned = await db.entry.findMany({
        where: { blog: { slug: "pins-c" }, pinned: true },
        select: { id: true },
      });
      const listed = await pinnedIds("pins-c");
      expect(new Set(listed).size).toBe(listed.length);
      expect([...listed].sort()).toEqual(ids(pinned).sort());
      // Replaying everything gives the same order the list has.
      const replay = await replayEventsSince(db, "pins-c", 0);
      const order = replay.events.findLast((event) => event.type === "pins:reordered");
      if (order?.type === "pins:reordered") expect(order.payload.order).toEqual(listed);
    }
  });
});

describe("the stream in both orders", () => {
  it("pages newest first with before and oldest first with after, every entry once", async () => {
    const db = database.prisma;
    const entries = await blogWith("order-a", 7);
    open(await setEntryPinned(db, editor, "order-a", entries[3]!.id, true));
    const all = async (order: "asc" | "desc") => {
      const seen: string[] = [];
      let cursor: string | undefined;
      for (let page = 0; page < 10; page++) {
        const answer = await listEntries(db, "order-a", {
          limit: 3,
          status: "published",
          order,
          ...(cursor ? (order === "asc" ? { after: cursor } : { before: cursor }) : {}),
        });
        seen.push(...ids(answer.entries));
        if (!answer.nextCursor) break;
        cursor = answer.nextCursor;
      }
      return seen;
    };
    expect(await all("asc")).toEqual(ids(entries));
    expect(await all("desc")).toEqual(ids(entries).reverse());
  });
});
