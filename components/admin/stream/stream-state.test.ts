import { describe, expect, it } from "vitest";
import type { EntryDTO } from "@/common/contracts/dto";
import { entryDTO } from "@/common/contracts/test-factories";
import { ALL_ENTRIES, type StreamView } from "@/common/newsroom-stream";
import {
  appendOlderEntries,
  removeEntry,
  replaceFirstPage,
  upsertEntry,
  type StreamScope,
  type StreamState,
} from "./stream-state";

const t = (minute: number) => `2026-11-26T10:${String(minute).padStart(2, "0")}:00.000Z`;

function published(id: string, minute: number, extra: Partial<EntryDTO> = {}): EntryDTO {
  return entryDTO({
    id,
    headline: id,
    body: `<p>${id}</p>`,
    status: "PUBLISHED",
    publishedAt: t(minute),
    createdAt: t(minute),
    updatedAt: t(minute),
    ...extra,
  });
}
function draft(id: string, minute: number, extra: Partial<EntryDTO> = {}): EntryDTO {
  return published(id, minute, { status: "DRAFT", publishedAt: null, ...extra });
}
function scheduled(id: string, minute: number, at: number): EntryDTO {
  return draft(id, minute, { status: "SCHEDULED", scheduledAt: t(at) });
}

const ids = (state: StreamState) => state.entries.map((e) => e.id);
const scope = (view: StreamView = ALL_ENTRIES, blogOrder: StreamScope["blogOrder"] = "NEWEST"): StreamScope => ({
  blogOrder,
  view,
  actorId: "user-1",
});
function stateOf(entries: EntryDTO[], nextCursor: string | null = null, of = scope()): StreamState {
  const empty: StreamState = { scope: of, entries: [], nextCursor: null };
  return { ...entries.reduce(upsertEntry, empty), nextCursor };
}

describe("newsroom stream state", () => {
  const start = stateOf([published("a", 1), published("b", 2)]);

  it("orders scheduled (soonest first), then drafts (newest first), then published as readers see them", () => {
    const state = stateOf([
      published("p1", 1),
      draft("d1", 2),
      scheduled("s-late", 3, 50),
      published("p2", 4),
      draft("d2", 5),
      scheduled("s-soon", 6, 40),
    ]);
    expect(ids(state)).toEqual(["s-soon", "s-late", "d2", "d1", "p2", "p1"]);
    const oldestFirst = stateOf(state.entries, null, scope(ALL_ENTRIES, "OLDEST"));
    expect(ids(oldestFirst)).toEqual(["s-soon", "s-late", "d2", "d1", "p1", "p2"]);
  });

  it("keeps an edited old entry where it was (no lift by last change)", () => {
    const edited = upsertEntry(start, published("a", 1, { version: 2, updatedAt: t(9), headline: "fixed" }));
    expect(ids(edited)).toEqual(["b", "a"]);
    expect(edited.entries[1]?.headline).toBe("fixed");
  });

  it("moves a draft that gets published to the top of the published entries", () => {
    const state = stateOf([published("a", 1), draft("d", 0)]);
    const live = upsertEntry(state, published("d", 0, { version: 2, publishedAt: t(5) }));
    expect(ids(state)).toEqual(["d", "a"]);
    expect(ids(live)).toEqual(["d", "a"]);
    expect(live.entries[0]?.status).toBe("PUBLISHED");
  });

  it("ignores repeats and older copies", () => {
    const changed = upsertEntry(start, published("a", 1, { version: 2, headline: "new" }));
    expect(upsertEntry(changed, published("a", 1, { version: 2, headline: "new" })).entries).toHaveLength(2);
    const stale = upsertEntry(changed, published("a", 1, { version: 1, headline: "old" }));
    expect(stale.entries.find((e) => e.id === "a")?.headline).toBe("new");
  });

  it("keeps a filtered view: entries leave it when they stop matching and join when they start", () => {
    const drafts = stateOf([draft("d1", 1), draft("d2", 2)], null, scope({ filter: "drafts", search: "" }));
    const publishedNow = upsertEntry(drafts, published("d1", 1, { version: 2, publishedAt: t(3) }));
    expect(ids(publishedNow)).toEqual(["d2"]);
    expect(ids(upsertEntry(publishedNow, published("p", 4)))).toEqual(["d2"]);
    expect(ids(upsertEntry(publishedNow, draft("d3", 5)))).toEqual(["d3", "d2"]);
  });

  it("keeps Mine to the signed-in writer's entries", () => {
    const mine = stateOf([], null, scope({ filter: "mine", search: "" }));
    const other = draft("x", 1, { author: { id: "user-2", name: "Other" } });
    const own = draft("y", 2, { author: { id: "user-1", name: "Me" } });
    expect(ids(upsertEntry(upsertEntry(mine, other), own))).toEqual(["y"]);
  });

  it("matches a search against the headline and the text, not the markup", () => {
    const search = stateOf([], null, scope({ filter: null, search: "  Fire  " }));
    const inText = published("t", 1, { headline: null, body: "<p>A <strong>fire</strong> broke out</p>" });
    const inMarkup = published("m", 2, { headline: null, body: '<p><a href="https://fire.example">link</a></p>' });
    const inHeadline = published("h", 3, { headline: "Fire crews arrive", body: "<p>x</p>" });
    const state = [inText, inMarkup, inHeadline].reduce(upsertEntry, search);
    expect(ids(state)).toEqual(["h", "t"]);
    expect(ids(upsertEntry(state, published("t", 1, { version: 2, headline: null, body: "<p>rain</p>" })))).toEqual([
      "h",
    ]);
  });

  it("leaves a change whose place is past the loaded pages for Load older", () => {
    const paged = stateOf([published("b", 5), published("c", 4)], "cursor");
    expect(ids(upsertEntry(paged, published("old", 1)))).toEqual(["b", "c"]);
    expect(ids(upsertEntry(paged, published("new", 9)))).toEqual(["new", "b", "c"]);
  });

  it("removes entries, and removing twice is harmless", () => {
    expect(ids(removeEntry(removeEntry(start, "a"), "a"))).toEqual(["b"]);
  });

  it("appends older pages without duplicates", () => {
    const more = appendOlderEntries({ ...start, nextCursor: "x" }, [published("a", 1), published("z", 0)], null);
    expect(ids(more)).toEqual(["b", "a", "z"]);
    expect(more.nextCursor).toBeNull();
  });

  it("replaces the first page after a reconnect, dropping entries deleted meanwhile", () => {
    const state = stateOf([published("c", 3), published("b", 2), published("a", 1)]);
    expect(ids(replaceFirstPage(state, [published("d", 4), published("b", 2)], null))).toEqual(["d", "b"]);
    const paged = replaceFirstPage(state, [published("d", 4), published("c", 3)], "cursor");
    expect(ids(paged)).toEqual(["d", "c", "b", "a"]);
  });
});
