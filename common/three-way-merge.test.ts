import { describe, expect, it } from "vitest";
import {
  bodyConflictCount,
  mergeEntryFields,
  mergeSequences,
  resolveMerge,
  type MergeableFields,
} from "./three-way-merge";

const base: MergeableFields = {
  headline: "Polls open",
  body: "<p>Queues at the town hall.</p><p>Turnout is 7 000.</p><p>More soon.</p>",
  label: "",
  keyEvent: false,
};

describe("mergeSequences", () => {
  it("takes each side's change where they touch different stretches", () => {
    expect(mergeSequences(["a", "b", "c"], ["A", "b", "c"], ["a", "b", "C"])).toEqual([
      { kind: "resolved", items: ["A", "b", "C"] },
    ]);
  });

  it("reports a conflict where both changed the same stretch differently", () => {
    expect(mergeSequences(["a", "b", "c"], ["a", "B1", "c"], ["a", "B2", "c"])).toEqual([
      { kind: "resolved", items: ["a"] },
      { kind: "conflict", base: ["b"], mine: ["B1"], theirs: ["B2"] },
      { kind: "resolved", items: ["c"] },
    ]);
  });

  it("merges the same change made on both sides once", () => {
    expect(mergeSequences(["a", "b"], ["a", "x", "b"], ["a", "x", "b"])).toEqual([
      { kind: "resolved", items: ["a", "x", "b"] },
    ]);
  });

  it("counts two different insertions at the same place as a conflict", () => {
    expect(mergeSequences(["a"], ["a", "m"], ["a", "t"])).toEqual([
      { kind: "resolved", items: ["a"] },
      { kind: "conflict", base: [], mine: ["m"], theirs: ["t"] },
    ]);
  });

  it("merges changes to neighbouring items", () => {
    expect(mergeSequences(["a", "b", "c"], ["A", "b", "c"], ["a", "B", "c"])).toEqual([
      { kind: "resolved", items: ["A", "B", "c"] },
    ]);
  });

  it("keeps a deletion on one side and an edit elsewhere on the other", () => {
    expect(mergeSequences(["a", "b", "c", "d"], ["a", "c", "d"], ["a", "b", "c", "D"])).toEqual([
      { kind: "resolved", items: ["a", "c", "D"] },
    ]);
  });
});

describe("mergeEntryFields", () => {
  it("merges changes to different fields without asking", () => {
    const mine = { ...base, headline: "Polls open early" };
    const theirs = { ...base, label: "Breaking", keyEvent: true };
    const merge = mergeEntryFields(base, mine, theirs);
    expect(merge.conflicts).toEqual([]);
    expect(merge.takenFromTheirs).toEqual(["label", "keyEvent"]);
    expect(resolveMerge(merge, {})).toEqual({
      ...base,
      headline: "Polls open early",
      label: "Breaking",
      keyEvent: true,
    });
  });

  it("merges edits to different paragraphs of the body", () => {
    const mine = {
      ...base,
      body: "<p>Queues at the town hall since six.</p><p>Turnout is 7 000.</p><p>More soon.</p>",
    };
    const theirs = { ...base, body: "<p>Queues at the town hall.</p><p>Turnout is 9 000.</p><p>More soon.</p>" };
    const merge = mergeEntryFields(base, mine, theirs);
    expect(merge.conflicts).toEqual([]);
    expect(merge.takenFromTheirs).toEqual(["body"]);
    expect(resolveMerge(merge, {}).body).toBe(
      "<p>Queues at the town hall since six.</p><p>Turnout is 9 000.</p><p>More soon.</p>",
    );
  });

  it("asks where both changed the same paragraph, and applies the choice per stretch", () => {
    const mine = {
      ...base,
      headline: "Mine",
      body: "<p>Queues at the town hall.</p><p>Turnout is 8 000.</p><p>More soon.</p>",
    };
    const theirs = {
      ...base,
      headline: "Theirs",
      body: "<p>Queues at the town hall.</p><p>Turnout is 9 000.</p><p>More soon.</p>",
    };
    const merge = mergeEntryFields(base, mine, theirs);
    expect(merge.conflicts).toEqual(["headline", "body"]);
    expect(bodyConflictCount(merge)).toBe(1);
    expect(resolveMerge(merge, { headline: "theirs", body: ["mine"] })).toEqual({
      ...base,
      headline: "Theirs",
      body: "<p>Queues at the town hall.</p><p>Turnout is 8 000.</p><p>More soon.</p>",
    });
    expect(resolveMerge(merge, { headline: "mine", body: ["both"] }).body).toBe(
      "<p>Queues at the town hall.</p><p>Turnout is 8 000.</p><p>Turnout is 9 000.</p><p>More soon.</p>",
    );
  });

  it("takes identical changes once, as no conflict and nothing of theirs to announce", () => {
    const changed = { ...base, headline: "Polls open at seven", keyEvent: true };
    const merge = mergeEntryFields(base, changed, { ...changed });
    expect(merge.conflicts).toEqual([]);
    expect(merge.takenFromTheirs).toEqual([]);
    expect(merge.fields.headline).toEqual({ outcome: "merged", from: "both", value: "Polls open at seven" });
    expect(resolveMerge(merge, {})).toEqual(changed);
  });

  it("asks when both set a different label", () => {
    const merge = mergeEntryFields(base, { ...base, label: "Analysis" }, { ...base, label: "Breaking" });
    expect(merge.conflicts).toEqual(["label"]);
    expect(resolveMerge(merge, { label: "theirs" }).label).toBe("Breaking");
    expect(resolveMerge(merge, {}).label).toBe("Analysis");
  });
});
