import { describe, expect, it } from "vitest";
import { entryTitleOf, excerptOf, firstImageOf, plainTextOf } from "./entry-text";

describe("entry text", () => {
  it("turns sanitized HTML into words", () => {
    expect(
      plainTextOf(
        "<p>Polls <strong>closed</strong> at 22:00.</p><ul><li>A &amp; B</li><li>&lt;tag&gt; &#39;q&#39; &#x263A;</li></ul>",
      ),
    ).toBe("Polls closed at 22:00. A & B <tag> 'q' ☺");
    expect(plainTextOf('<p>Watch</p><iframe src="https://www.youtube-nocookie.com/embed/x"></iframe>')).toBe("Watch");
  });

  it("cuts excerpts at a word with an ellipsis", () => {
    expect(excerptOf("short", 10)).toBe("short");
    expect(excerptOf("the quick brown fox jumps", 16)).toBe("the quick brown…");
  });

  it("titles an entry by its headline, else its text", () => {
    expect(entryTitleOf({ headline: " Polls close ", body: "<p>x</p>" })).toBe("Polls close");
    expect(entryTitleOf({ headline: null, body: "<p>Counting has started in the north.</p>" }, 20)).toBe(
      "Counting has…",
    );
    expect(entryTitleOf({ headline: null, body: '<img src="/uploads/a.png" alt="">' })).toBe("Update");
  });

  it("finds the first image", () => {
    expect(firstImageOf('<p>a</p><img alt="x" src="/uploads/a.png?x=1&amp;y=2"><img src="b.png">')).toBe(
      "/uploads/a.png?x=1&y=2",
    );
    expect(firstImageOf("<p>none</p>")).toBeNull();
  });
});
