import { describe, expect, it } from "vitest";
import { entryDTO } from "@/common/contracts/test-factories";
import {
  ageInWords,
  changedFields,
  describeChanges,
  noticeHeard,
  savedHere,
  type ChangesByEntry,
} from "./colleague-changes";

const ana = { id: "u-ana", name: "Ana" };
const ben = { id: "u-ben", name: "Ben" };
const v1 = entryDTO({ id: "e1", version: 1, headline: "Old", updatedAt: "2026-12-01T10:00:00.000Z" });
const v2 = entryDTO({ ...v1, version: 2, headline: "New", updatedAt: "2026-12-01T10:00:05.000Z" });

describe("changedFields", () => {
  it("names each field a person recognises", () => {
    expect(changedFields(v1, v2)).toEqual(["headline"]);
    expect(changedFields(v1, { ...v1, body: "<p>other</p>", label: "Breaking", keyEvent: true, pinned: true })).toEqual(
      ["text", "label", "key event", "pin"],
    );
    expect(changedFields(v1, v1)).toEqual([]);
  });
});

describe("noticeHeard", () => {
  const heard = (changes: ChangesByEntry, notice: Partial<Parameters<typeof noticeHeard>[1]>, open = true) =>
    noticeHeard(changes, { previous: v1, entry: v2, by: ana, at: 1000, ...notice }, "u-me", open);

  it("adds a colleague's change to an open entry, with who, when and what", () => {
    expect(heard({}, {})).toEqual({ e1: [{ by: ana, at: 1000, fields: ["headline"] }] });
  });

  it("ignores entries not open here, stale or repeated notices, and saves that changed nothing shown", () => {
    expect(heard({}, {}, false)).toEqual({});
    expect(heard({}, { previous: v2, entry: v1 })).toEqual({});
    expect(heard({}, { previous: v2, entry: v2 })).toEqual({});
    expect(heard({}, { entry: { ...v1, version: 2 } })).toEqual({});
  });

  it("clears the warning when this person saves the entry (in any tab), closes it or dismisses it", () => {
    const warned = heard({}, {});
    expect(heard(warned, { by: { id: "u-me", name: "Me" } })).toEqual({});
    expect(savedHere(warned, "e1")).toEqual({});
    expect(savedHere(warned, "e9")).toBe(warned);
  });

  it("keeps the scheduler's change as the system's (no person)", () => {
    const scheduled = { ...v1, status: "SCHEDULED" as const, scheduledAt: "2026-12-01T10:00:30.000Z" };
    const published = { ...scheduled, version: 2, status: "PUBLISHED" as const, scheduledAt: null };
    expect(heard({}, { by: null, previous: scheduled, entry: published })).toEqual({
      e1: [{ by: null, at: 1000, fields: ["status", "schedule"] }],
    });
  });
});

describe("describeChanges", () => {
  it("says who changed which fields how long ago, latest first, one line per person", () => {
    const changes = [
      { by: ana, at: 0, fields: ["headline" as const] },
      { by: ben, at: 5_000, fields: ["pin" as const] },
      { by: ana, at: 2_000, fields: ["text" as const, "headline" as const] },
    ];
    expect(describeChanges(changes, 12_000).map((line) => line.text)).toEqual([
      "Ben changed the pin 7 s ago",
      "Ana changed the headline and text 10 s ago",
    ]);
    expect(describeChanges([{ by: null, at: 0, fields: ["status"] }], 0)).toEqual([
      { who: "", text: "The scheduler changed the status just now" },
    ]);
  });

  it("ticks in seconds, minutes and hours", () => {
    expect(ageInWords(400)).toBe("just now");
    expect(ageInWords(10_400)).toBe("10 s ago");
    expect(ageInWords(125_000)).toBe("2 min ago");
    expect(ageInWords(2 * 3_600_000 + 5)).toBe("2 h ago");
  });
});
