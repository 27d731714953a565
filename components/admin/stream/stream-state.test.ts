import { describe, expect, it } from "vitest";
import type { EntryDTO } from "@/common/contracts/dto";
import { entryDTO } from "@/common/contracts/test-factories";
import { appendOlderEntries, removeEntry, replaceFirstPage, upsertEntry, type StreamState } from "./stream-state";

function entry(id: string, updatedAt: string, version = 1, extra: Partial<EntryDTO> = {}): EntryDTO {
  return entryDTO({
    id,
    headline: id,
    body: `<p>${id}</p>`,
    status: "DRAFT",
    publishedAt: null,
    version,
    createdAt: updatedAt,
    updatedAt,
    ...extra,
  });
}

const t = (minute: number) => `2026-11-26T10:${String(minute).padStart(2, "0")}:00.000Z`;
const ids = (state: StreamState) => state.entries.map((e) => e.id);

describe("newsroom stream state", () => {
  const start: StreamState = { entries: [entry("b", t(2)), entry("a", t(1))], nextCursor: null };

  it("puts a new or changed entry first (newest change first)", () => {
    expect(ids(upsertEntry(start, entry("c", t(3))))).toEqual(["c", "b", "a"]);
    expect(ids(upsertEntry(start, entry("a", t(5), 2)))).toEqual(["a", "b"]);
  });

  it("ignores repeats and older copies", () => {
    const changed = upsertEntry(start, entry("a", t(5), 2, { headline: "new" }));
    expect(upsertEntry(changed, entry("a", t(5), 2, { headline: "new" })).entries).toHaveLength(2);
    const stale = upsertEntry(changed, entry("a", t(1), 1, { headline: "old" }));
    expect(stale.entries.find((e) => e.id === "a")?.headline).toBe("new");
  });

  it("takes a pin (same version, later updatedAt)", () => {
    const pinned = upsertEntry(start, entry("a", t(6), 1, { pinned: true }));
    expect(pinned.entries[0]).toMatchObject({ id: "a", pinned: true });
  });

  it("removes entries, and removing twice is harmless", () => {
    expect(ids(removeEntry(removeEntry(start, "a"), "a"))).toEqual(["b"]);
  });

  it("appends older pages without duplicates", () => {
    const more = appendOlderEntries({ ...start, nextCursor: "x" }, [entry("a", t(1)), entry("z", t(0))], null);
    expect(ids(more)).toEqual(["b", "a", "z"]);
    expect(more.nextCursor).toBeNull();
  });

  it("replaces the first page after a reconnect, dropping entries deleted meanwhile", () => {
    const state: StreamState = { entries: [entry("c", t(3)), entry("b", t(2)), entry("a", t(1))], nextCursor: null };
    expect(ids(replaceFirstPage(state, [entry("d", t(4)), entry("b", t(2))], null))).toEqual(["d", "b"]);
    const paged = replaceFirstPage(state, [entry("d", t(4)), entry("c", t(3))], "cursor");
    expect(ids(paged)).toEqual(["d", "c", "b", "a"]);
  });
});
