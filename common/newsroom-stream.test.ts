import { describe, expect, it } from "vitest";
import { entryDTO } from "./contracts/test-factories";
import {
  compareStreamPositions,
  matchesStreamFilter,
  matchesStreamSearch,
  streamPositionOf,
  streamViewOf,
  streamViewQuery,
} from "./newsroom-stream";

describe("the newsroom stream's definitions", () => {
  it("puts scheduled above drafts above published, whatever their times", () => {
    const published = streamPositionOf(entryDTO({ id: "p", publishedAt: "2030-01-01T00:00:00.000Z" }), "NEWEST");
    const draft = streamPositionOf(entryDTO({ id: "d", status: "DRAFT", publishedAt: null }), "NEWEST");
    const scheduled = streamPositionOf(
      entryDTO({ id: "s", status: "SCHEDULED", publishedAt: null, scheduledAt: "2031-01-01T00:00:00.000Z" }),
      "NEWEST",
    );
    const sorted = [published, draft, scheduled].sort((a, b) => compareStreamPositions(a, b, "NEWEST"));
    expect(sorted.map((position) => position.id)).toEqual(["s", "d", "p"]);
  });

  it("searches the text across tags and entities, in any case, not the markup", () => {
    const entry = entryDTO({
      headline: "Évacuation",
      body: '<p>Rock &amp; <em>roll</em> <a href="https://x.example">x</a></p>',
    });
    expect(matchesStreamSearch(entry, "rock & ROLL")).toBe(true);
    expect(matchesStreamSearch(entry, "évacuation")).toBe(true);
    expect(matchesStreamSearch(entry, "href")).toBe(false);
    expect(matchesStreamSearch(entry, "   ")).toBe(true);
  });

  it("filters by status or by author", () => {
    const draft = entryDTO({ status: "DRAFT", author: { id: "me", name: "Me" } });
    expect(matchesStreamFilter(draft, "drafts", "other")).toBe(true);
    expect(matchesStreamFilter(draft, "published", "me")).toBe(false);
    expect(matchesStreamFilter(draft, "mine", "me")).toBe(true);
    expect(matchesStreamFilter(draft, "mine", "other")).toBe(false);
    expect(matchesStreamFilter(draft, null, "other")).toBe(true);
  });

  it("reads and writes the view in the address, ignoring unknown filters", () => {
    expect(streamViewQuery({ filter: "drafts", search: " fire " })).toBe("?filter=drafts&q=fire");
    expect(streamViewQuery({ filter: null, search: "" })).toBe("");
    expect(streamViewOf({ filter: "drafts", q: "fire" })).toEqual({ filter: "drafts", search: "fire" });
    expect(streamViewOf({ filter: "nope", q: null })).toEqual({ filter: null, search: "" });
    expect(streamViewOf({ q: "x".repeat(200) }).search).toHaveLength(100);
  });
});
