import { describe, expect, it } from "vitest";
import type { EntryDTO } from "@/common/contracts/dto";
import type { BlogEvent } from "@/common/contracts/events";
import { blogDTO, entryDTO } from "@/common/contracts/test-factories";
import {
  appendPage,
  applyEvent,
  applyToLinked,
  initialFeedState,
  isWithinLoaded,
  nextPageQuery,
  pinnedFirst,
  streamComparator,
  type FeedState,
} from "./feed-state";

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

const state = (
  entries: EntryDTO[],
  pinned: EntryDTO[] = [],
  nextCursor: string | null = null,
  order: FeedState["order"] = "NEWEST",
): FeedState => ({
  blog,
  entries,
  pinned,
  order,
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

  it("copies a pinned entry to the pinned area and keeps it in its place in the stream", () => {
    const start = state([entry("c", 3), entry("b", 2), entry("a", 1)]);
    const pinnedB = entry("b", 2, { pinned: true, pinOrder: 0 });
    const pinned = applyEvent(start, { type: "entry:pinned", payload: { blog: "b", seq: 1, entry: pinnedB } });
    expect(ids(pinned.pinned)).toEqual(["b"]);
    expect(ids(pinned.entries)).toEqual(["c", "b", "a"]);
    expect(pinned.entries[1]?.pinned).toBe(true);
    expect(applyEvent(pinned, { type: "entry:pinned", payload: { blog: "b", seq: 1, entry: pinnedB } })).toEqual(
      pinned,
    );
    const back = applyEvent(pinned, { type: "entry:unpinned", payload: { blog: "b", seq: 2, entry: entry("b", 2) } });
    expect(ids(back.pinned)).toEqual([]);
    expect(ids(back.entries)).toEqual(["c", "b", "a"]);
    expect(back.entries[1]?.pinned).toBe(false);
  });

  it("shows pinned entries in the editors' order, a new pin on top", () => {
    let s = state([], [entry("a", 1, { pinned: true, pinOrder: 0 }), entry("b", 2, { pinned: true, pinOrder: 1 })]);
    s = applyEvent(s, {
      type: "entry:pinned",
      payload: { blog: "b", seq: 1, entry: entry("c", 3, { pinned: true, pinOrder: -1 }) },
    });
    expect(ids(s.pinned)).toEqual(["c", "a", "b"]);
  });

  it("reorders the pinned area, idempotently, leaving the stream's order alone", () => {
    const s = state(
      [entry("c", 3, { pinned: true, pinOrder: 0 }), entry("b", 2), entry("a", 1, { pinned: true, pinOrder: 1 })],
      [entry("c", 3, { pinned: true, pinOrder: 0 }), entry("a", 1, { pinned: true, pinOrder: 1 })],
    );
    const event: BlogEvent = { type: "pins:reordered", payload: { blog: "b", seq: 5, order: ["a", "c"] } };
    const reordered = applyEvent(s, event);
    expect(ids(reordered.pinned)).toEqual(["a", "c"]);
    expect(ids(reordered.entries)).toEqual(["c", "b", "a"]);
    expect(reordered.seq).toBe(5);
    expect(applyEvent(reordered, event)).toEqual(reordered);
    // A pin the order does not name yet (pinned after it) keeps its own place; nothing is lost or doubled.
    const late = applyEvent(
      applyEvent(s, {
        type: "entry:pinned",
        payload: { blog: "b", seq: 6, entry: entry("b", 2, { pinned: true, pinOrder: -1 }) },
      }),
      event,
    );
    expect(ids(late.pinned)).toEqual(["b", "a", "c"]);
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
      entries: [entry("p", 9, { pinned: true, keyEvent: true }), entry("c", 3, { keyEvent: true }), entry("b", 2)],
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
    const s = appendPage(
      state([entry("c", 3)], [], "cursor"),
      [entry("b", 2, { keyEvent: true }), entry("a", 1)],
      null,
    );
    expect(ids(s.keyEvents)).toEqual(["b"]);
  });
});

describe("appendPage", () => {
  it("adds an older page without repeating what is shown, pinned entries included", () => {
    const s = appendPage(
      state([entry("c", 3), entry("b", 2)], [entry("p", 0, { pinned: true })]),
      [entry("b", 2), entry("a", 1), entry("p", 0, { pinned: true })],
      null,
    );
    expect(ids(s.entries)).toEqual(["c", "b", "a", "p"]);
    expect(ids(s.pinned)).toEqual(["p"]);
    expect(s.nextCursor).toBeNull();
  });

  it("adds a newer page at the end, oldest first", () => {
    const s = appendPage(state([entry("a", 1), entry("b", 2)], [], "x", "OLDEST"), [entry("b", 2), entry("c", 3)], "y");
    expect(ids(s.entries)).toEqual(["a", "b", "c"]);
    expect(s.nextCursor).toBe("y");
  });

  it("asks for the next page in the stream's direction", () => {
    expect(nextPageQuery("NEWEST", "cur", 20).toString()).toBe("order=desc&before=cur&limit=20");
    expect(nextPageQuery("OLDEST", "cur", 20).toString()).toBe("order=asc&after=cur&limit=20");
  });
});

describe("oldest first", () => {
  it("sorts the stream by publication, oldest on top, and pinned entries by their place", () => {
    const list = [entry("b", 2), entry("c", 3), entry("a", 1)];
    expect(ids([...list].sort(streamComparator("OLDEST")))).toEqual(["a", "b", "c"]);
    expect(ids([...list].sort(streamComparator("NEWEST")))).toEqual(["c", "b", "a"]);
    const pins = [entry("x", 1, { pinOrder: 2 }), entry("y", 2, { pinOrder: null }), entry("z", 3, { pinOrder: 1 })];
    expect(ids(pins.sort(pinnedFirst))).toEqual(["z", "x", "y"]);
  });

  it("starts from the page as rendered, in its order", () => {
    const s = initialFeedState({
      blog,
      entries: [entry("b", 2), entry("a", 1)],
      pinned: [],
      order: "OLDEST",
      nextCursor: null,
      seq: 0,
    });
    expect(ids(s.entries)).toEqual(["a", "b"]);
    expect(s.order).toBe("OLDEST");
  });

  it("appends a live entry at the end when the end is loaded, and once", () => {
    const s = applyEvent(state([entry("a", 1), entry("b", 2)], [], null, "OLDEST"), published(entry("c", 3), 1));
    expect(ids(s.entries)).toEqual(["a", "b", "c"]);
    expect(applyEvent(s, published(entry("c", 3), 1))).toEqual(s);
  });

  it("leaves a live entry to Load newer while the end is not loaded, and never puts it above the reader", () => {
    const s = applyEvent(state([entry("a", 1), entry("b", 2)], [], "cursor", "OLDEST"), published(entry("c", 3), 1));
    expect(ids(s.entries)).toEqual(["a", "b"]);
    expect(s.seq).toBe(1);
    expect(isWithinLoaded(s, entry("c", 3))).toBe(false);
    expect(isWithinLoaded(s, entry("a0", 0))).toBe(true);
  });

  it("keeps an edited entry in its place even when it is the last one loaded", () => {
    const s = state([entry("a", 1), entry("b", 2)], [], "cursor", "OLDEST");
    const edited = applyEvent(s, {
      type: "entry:updated",
      payload: { blog: "b", seq: 1, entry: entry("b", 2, { headline: "New", version: 2 }) },
    });
    expect(ids(edited.entries)).toEqual(["a", "b"]);
    expect(edited.entries[1]?.headline).toBe("New");
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
