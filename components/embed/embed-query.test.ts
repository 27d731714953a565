import { describe, expect, it } from "vitest";
import { DEFAULT_EMBED_OPTIONS, embedQueryOf, type EmbedOptions } from "./embed-options";
import { parseEmbedOptions } from "./embed-query";

const parse = (query: string) => parseEmbedOptions(new URLSearchParams(query));

describe("embed options in the query string", () => {
  it("defaults to a light embed of the 10 newest updates with header and pinned updates", () => {
    expect(parse("")).toEqual({ options: DEFAULT_EMBED_OPTIONS });
    expect(DEFAULT_EMBED_OPTIONS).toEqual({ theme: "light", entries: 10, header: true, pinned: true });
  });

  it("reads every option, and reads back what the snippet builder writes", () => {
    expect(parse("theme=dark&entries=5&header=0&pinned=0")).toEqual({
      options: { theme: "dark", entries: 5, header: false, pinned: false },
    });
    const options: EmbedOptions[] = [
      { theme: "auto", entries: 1, header: true, pinned: false },
      { theme: "light", entries: 50, header: false, pinned: true },
      DEFAULT_EMBED_OPTIONS,
    ];
    for (const option of options) expect(parse(embedQueryOf(option).slice(1))).toEqual({ options: option });
  });

  it("ignores parameters it does not know, as a host page's tracking parameters", () => {
    expect(parse("ref=news&utm_source=x&utm_source=y&entries=4")).toEqual({
      options: { ...DEFAULT_EMBED_OPTIONS, entries: 4 },
    });
  });

  it("says what is wrong with a bad value or a repeated parameter", () => {
    expect(parse("theme=blue")).toEqual({ error: "theme must be light, dark or auto" });
    expect(parse("entries=0")).toEqual({ error: "entries must be at least 1" });
    expect(parse("entries=51")).toEqual({ error: "entries must be at most 50" });
    expect(parse("entries=2.5")).toEqual({ error: "entries must be a whole number from 1 to 50" });
    expect(parse("entries=")).toEqual({ error: "entries must be a whole number from 1 to 50" });
    expect(parse("header=yes")).toEqual({ error: "header must be 0 or 1" });
    expect(parse("pinned=2")).toEqual({ error: "pinned must be 0 or 1" });
    expect(parse("entries=3&entries=4")).toEqual({ error: "entries is given more than once" });
  });
});
