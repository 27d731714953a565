import { describe, expect, it } from "vitest";
import { entryDTO } from "@/common/contracts/test-factories";
import { moved, pinnedInOrder, pinnedSignature } from "./pinned-order";

describe("the newsroom's pinned list", () => {
  const pinned = [
    entryDTO({ id: "a", pinned: true, pinOrder: 1 }),
    entryDTO({ id: "b", pinned: true, pinOrder: 0 }),
    entryDTO({ id: "c" }),
    entryDTO({ id: "d", pinned: true, pinOrder: -1, status: "DRAFT", publishedAt: null }),
  ];

  it("lists what readers see pinned, in their order", () => {
    expect(pinnedInOrder(pinned).map((e) => e.id)).toEqual(["b", "a"]);
    expect(pinnedSignature(pinned)).toBe("b:0,a:1");
  });

  it("moves one entry a place up or down, and nothing past either end", () => {
    expect(moved(["a", "b", "c"], "b", -1)).toEqual(["b", "a", "c"]);
    expect(moved(["a", "b", "c"], "b", 1)).toEqual(["a", "c", "b"]);
    expect(moved(["a", "b", "c"], "a", -1)).toEqual(["a", "b", "c"]);
    expect(moved(["a", "b", "c"], "c", 1)).toEqual(["a", "b", "c"]);
    expect(moved(["a", "b"], "x", 1)).toEqual(["a", "b"]);
  });
});
