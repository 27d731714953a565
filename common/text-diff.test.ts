import { describe, expect, it } from "vitest";
import { blockText, bodyDiff, commonPairs, diffSequences, htmlBlocks, wordDiff, wordTokens } from "./text-diff";

/** Applies a diff to its "before" side and to its "after" side, which must give back the two texts. */
function sides(ops: ReturnType<typeof wordDiff>): { before: string; after: string } {
  return {
    before: ops
      .filter((op) => op.type !== "insert")
      .map((op) => op.text)
      .join(""),
    after: ops
      .filter((op) => op.type !== "delete")
      .map((op) => op.text)
      .join(""),
  };
}

describe("wordDiff", () => {
  it("marks the one word that changed and keeps the rest", () => {
    expect(wordDiff("Turnout reached 7 000 by noon", "Turnout reached 9 000 by noon")).toEqual([
      { type: "equal", text: "Turnout reached " },
      { type: "delete", text: "7" },
      { type: "insert", text: "9" },
      { type: "equal", text: " 000 by noon" },
    ]);
  });

  it("splits words, spaces and punctuation, keeping apostrophes inside words", () => {
    expect(wordTokens("It's 9 000; done.")).toEqual(["It's", " ", "9", " ", "000", ";", " ", "done", "."]);
  });

  it("gives back both texts exactly, for insertions, deletions and unicode", () => {
    const pairs: Array<[string, string]> = [
      ["", "all new"],
      ["all gone", ""],
      ["Zürich wählt heute", "Zürich wählt morgen früh"],
      ["a b c d e f", "a c e f g"],
      ["same", "same"],
    ];
    for (const [before, after] of pairs) expect(sides(wordDiff(before, after))).toEqual({ before, after });
  });

  it("finds a longest common subsequence", () => {
    const a = "ABCABBA".split("");
    const b = "CBABAC".split("");
    const pairs = commonPairs(a, b);
    expect(pairs).toHaveLength(4);
    for (const [i, j] of pairs) expect(a[i]).toBe(b[j]);
    // Strictly increasing on both sides.
    pairs.slice(1).forEach(([i, j], n) => {
      expect(i).toBeGreaterThan(pairs[n]![0]);
      expect(j).toBeGreaterThan(pairs[n]![1]);
    });
  });

  it("stays fast on a long body with one change", () => {
    const words = Array.from({ length: 20_000 }, (_, i) => `word${i}`);
    const changed = [...words];
    changed[10_000] = "changed";
    const started = performance.now();
    const ops = diffSequences(words, changed, " ");
    expect(performance.now() - started).toBeLessThan(500);
    expect(ops.filter((op) => op.type !== "equal")).toEqual([
      { type: "delete", text: "word10000" },
      { type: "insert", text: "changed" },
    ]);
  });

  it("treats a complete rewrite of a long text as replaced rather than searching for ever", () => {
    const a = Array.from({ length: 5_000 }, (_, i) => `a${i}`);
    const b = Array.from({ length: 5_000 }, (_, i) => `b${i}`);
    const ops = diffSequences(a, b, " ");
    expect(ops.map((op) => op.type)).toEqual(["delete", "insert"]);
  });
});

describe("htmlBlocks", () => {
  it("cuts a body into its top-level blocks without splitting tags or nested elements", () => {
    const body =
      '<p>One <a href="https://example.org/a>b">link</a></p>\n<ul><li><p>x</p></li><li>y</li></ul><figure><img src="/uploads/a.webp" alt="A boat"><figcaption>Boat</figcaption></figure><hr>';
    expect(htmlBlocks(body)).toEqual([
      '<p>One <a href="https://example.org/a>b">link</a></p>',
      "<ul><li><p>x</p></li><li>y</li></ul>",
      '<figure><img src="/uploads/a.webp" alt="A boat"><figcaption>Boat</figcaption></figure>',
      "<hr>",
    ]);
  });

  it("keeps loose text as a block of its own", () => {
    expect(htmlBlocks("loose <p>para</p> tail")).toEqual(["loose", "<p>para</p>", "tail"]);
  });

  it("reads a picture without text by its alt text", () => {
    expect(blockText('<figure><img src="/uploads/a.webp" alt="A &amp; B"></figure>')).toBe("[picture: A & B]");
    expect(blockText("<p>Tom &amp; Jerry</p>")).toBe("Tom & Jerry");
  });
});

describe("bodyDiff", () => {
  it("shows unchanged paragraphs as equal and a changed one word by word", () => {
    const before = "<p>First.</p><p>Turnout was 7 000.</p><p>Last.</p>";
    const after = "<p>First.</p><p>Turnout was 9 000.</p><p>Last.</p><p>New one.</p>";
    expect(bodyDiff(before, after)).toEqual([
      { type: "equal", text: "First." },
      {
        type: "changed",
        ops: [
          { type: "equal", text: "Turnout was " },
          { type: "delete", text: "7" },
          { type: "insert", text: "9" },
          { type: "equal", text: " 000." },
        ],
      },
      { type: "equal", text: "Last." },
      { type: "insert", text: "New one." },
    ]);
  });

  it("shows a removed paragraph as deleted", () => {
    expect(bodyDiff("<p>Keep.</p><p>Drop me.</p>", "<p>Keep.</p>")).toEqual([
      { type: "equal", text: "Keep." },
      { type: "delete", text: "Drop me." },
    ]);
  });
});
