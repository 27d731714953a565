import { describe, expect, it } from "vitest";
import type { EntryDTO } from "@/common/contracts/dto";
import type { BlogEvent } from "@/common/contracts/events";
import { blogDTO, entryDTO } from "@/common/contracts/test-factories";
import { appendOlder, applyEvent, applyToLinked, initialFeedState, type FeedState } from "./feed-state";

const blog = blogDTO({ createdAt: "", updatedAt: "" });

function entry(id: string, minute: number, extra: Partial<EntryDTO> = {}): EntryDTO {
  const at = new Date(Date.UTC(2026, 10, 26, 12, minute)).toISOString();
  return entryDTO({
    id,
    body: `<p>${id}</p>`,
    author: { id: "u", name: "U" },
    publishedAt: at,
    createdAt: at,
    updatedAt: at,
    ...extra,
  });
}

const state = (entries: EntryDTO[], pinned: EntryDTO[] = [], nextCursor: string | null = null): FeedState => ({
  blog,
  entries,
  pinned,
  nextCursor,
  seq: 0,
  keyEvents: [],
});
const ids = (list: EntryDTO[]) => list.map((e) => e.id);
const published = (e: EntryDTO, seq: number): BlogEvent => ({
  type: "entry:published",
  payload: { blog: "b", seq, entry: e },
});

describe("applyEvent", () => {
  it("puts a published entry on top, once, however often it arrives", () => {
    const s1 = applyEvent(state([entry("a", 1)]), published(entry("b", 2), 1));
    expect(ids(s1.entries)).toEqual(["b", "a"]);
    expect(s1.seq).toBe(1);
    expect(applyEvent(s1, published(entry("b", 2), 1))).toEqual(s1);
  });

  it("replaces an edited entry in place", () => {
    const s = applyEvent(state([entry("b", 2), entry("a", 1)]), {
      type: "entry:updated",
      payload: { blog: "b", seq: 1, entry: entry("a", 1, { headline: "New", version: 2 }) },
    });
    expect(ids(s.entries)).toEqual(["b", "a"]);
    expect(s.entries[1]?.headline).toBe("New");
  });

  it("moves pinned entries to the pinned area and back into time order", () => {
    const start = state([entry("c", 3), entry("b", 2), entry("a", 1)]);
    const pinned = applyEvent(start, {
      type: "entry:pinned",
      payload: { blog: "b", seq: 1, entry: entry("b", 2, { pinned: true }) },
    });
    expect(ids(pinned.pinned)).toEqual(["b"]);
    expect(ids(pinned.entries)).toEqual(["c", "a"]);
    const back = applyEvent(pinned, { type: "entry:unpinned", payload: { blog: "b", seq: 2, entry: entry("b", 2) } });
    expect(ids(back.pinned)).toEqual([]);
    expect(ids(back.entries)).toEqual(["c", "b", "a"]);
  });

  it("drops deleted and unpublished entries", () => {
    const s = state([entry("b", 2), entry("a", 1)], [entry("p", 0, { pinned: true })]);
    expect(ids(applyEvent(s, { type: "entry:deleted", payload: { blog: "b", seq: 1, id: "p" } }).pinned)).toEqual([]);
    expect(
      ids(
        applyEvent(s, {
          type: "entry:updated",
          payload: { blog: "b", seq: 1, entry: entry("a", 1, { status: "DRAFT" }) },
        }).entries,
      ),
    ).toEqual(["b"]);
  });

  it("leaves an entry older than the loaded pages to Load older", () => {
    const s = state([entry("c", 30), entry("b", 20)], [], "cursor");
    expect(
      ids(applyEvent(s, { type: "entry:unpinned", payload: { blog: "b", seq: 1, entry: entry("a", 10) } }).entries),
    ).toEqual(["c", "b"]);
  });

  it("takes blog details from blog:updated", () => {
    const s = applyEvent(state([]), {
      type: "blog:updated",
      payload: { blog: "b", seq: 4, details: { ...blog, status: "ENDED", seq: 4 } },
    });
    expect(s.blog.status).toBe("ENDED");
    expect(s.seq).toBe(4);
  });
});

describe("key events", () => {
  it("start from the loaded entries, newest first, unless the page gives them", () => {
    const s = initialFeedState({
      blog,
      entries: [entry("c", 3, { keyEvent: true }), entry("b", 2)],
      pinned: [entry("p", 9, { pinned: true, keyEvent: true })],
      nextCursor: null,
      seq: 0,
    });
    expect(ids(s.keyEvents)).toEqual(["p", "c"]);
    const given = initialFeedState({
      blog,
      entries: [],
      pinned: [],
      nextCursor: "x",
      seq: 0,
      keyEvents: [entry("old", 1, { keyEvent: true })],
    });
    expect(ids(given.keyEvents)).toEqual(["old"]);
  });

  it("follow publishes, edits, unpublishing and deletes, even for entries older than the loaded pages", () => {
    let s = state([entry("c", 30), entry("b", 20)], [], "cursor");
    s = applyEvent(s, published(entry("d", 40, { keyEvent: true }), 1));
    // "a" is older than what is loaded: not in the stream, but the timeline knows it.
    s = applyEvent(s, {
      type: "entry:updated",
      payload: { blog: "b", seq: 2, entry: entry("a", 10, { keyEvent: true }) },
    });
    expect(ids(s.keyEvents)).toEqual(["d", "a"]);
    expect(ids(s.entries)).toEqual(["d", "c", "b"]);
    s = applyEvent(s, {
      type: "entry:updated",
      payload: { blog: "b", seq: 3, entry: entry("d", 40, { keyEvent: false }) },
    });
    expect(ids(s.keyEvents)).toEqual(["a"]);
    s = applyEvent(s, { type: "entry:deleted", payload: { blog: "b", seq: 4, id: "a" } });
    expect(ids(s.keyEvents)).toEqual([]);
    s = applyEvent(s, {
      type: "entry:updated",
      payload: { blog: "b", seq: 5, entry: entry("c", 30, { keyEvent: true, status: "DRAFT" }) },
    });
    expect(ids(s.keyEvents)).toEqual([]);
  });

  it("pick up key events from older pages", () => {
    const s = appendOlder(
      state([entry("c", 3)], [], "cursor"),
      [entry("b", 2, { keyEvent: true }), entry("a", 1)],
      null,
    );
    expect(ids(s.keyEvents)).toEqual(["b"]);
  });
});

describe("appendOlder", () => {
  it("adds an older page without repeating what is shown", () => {
    const s = appendOlder(
      state([entry("c", 3), entry("b", 2)], [entry("p", 0, { pinned: true })]),
      [entry("b", 2), entry("a", 1), entry("p", 0, { pinned: true })],
      null,
    );
    expect(ids(s.entries)).toEqual(["c", "b", "a"]);
    expect(s.nextCursor).toBeNull();
  });
});

describe("applyToLinked", () => {
  const linked = { entry: entry("a", 1), removed: false };
  const updated = (e: EntryDTO, seq: number): BlogEvent => ({
    type: "entry:updated",
    payload: { blog: "b", seq, entry: e },
  });
  const deleted = (id: string, seq: number): BlogEvent => ({ type: "entry:deleted", payload: { blog: "b", seq, id } });

  it("follows edits and pins of the linked update, and nothing else", () => {
    const edited = applyToLinked(linked, updated(entry("a", 1, { headline: "Corrected", version: 2 }), 1));
    expect(edited).toEqual({ entry: entry("a", 1, { headline: "Corrected", version: 2 }), removed: false });
    expect(applyToLinked(edited, updated(entry("b", 2, { headline: "Other" }), 2))).toBe(edited);
    expect(applyToLinked(edited, published(entry("c", 3), 3))).toBe(edited);
    expect(
      applyToLinked(edited, {
        type: "entry:pinned",
        payload: { blog: "b", seq: 4, entry: entry("a", 1, { pinned: true }) },
      }).entry.pinned,
    ).toBe(true);
  });

  it("says the update is gone when it is deleted, and back when it is published again", () => {
    const gone = applyToLinked(linked, deleted("a", 1));
    expect(gone).toEqual({ entry: linked.entry, removed: true });
    expect(applyToLinked(linked, deleted("b", 1))).toBe(linked);
    expect(applyToLinked(gone, published(entry("a", 1, { version: 3 }), 2))).toEqual({
      entry: entry("a", 1, { version: 3 }),
      removed: false,
    });
  });
});
