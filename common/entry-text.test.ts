import { describe, expect, it } from "vitest";
import { entryTitleOf, excerptOf, firstImageOf, firstPictureOf, plainTextOf } from "./entry-text";

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

  it("finds the first picture that may be shown, with its alt text", () => {
    expect(
      firstPictureOf(
        '<p>a</p><figure><img alt="Crowds &amp; &quot;flags&quot;" src="/uploads/a.png?x=1&amp;y=2" /></figure>',
      ),
    ).toEqual({ src: "/uploads/a.png?x=1&y=2", alt: 'Crowds & "flags"' });
    expect(firstPictureOf('<img src="https://images.example/q.jpg" />')).toEqual({
      src: "https://images.example/q.jpg",
      alt: "",
    });
    expect(firstPictureOf('<img src="/demo/orla-harbour.svg" alt="Harbour" />')).toEqual({
      src: "/demo/orla-harbour.svg",
      alt: "Harbour",
    });
    // Sources that must never reach an <img> on the list page are skipped for the next picture.
    for (const src of [
      "javascript:alert(1)",
      "data:image/png;base64,AAAA",
      "//evil.example/p.gif",
      "uploads/a.png",
      "/api/blogs",
      "/uploads/../api/blogs",
      "/uploads/%2e%2e/api/blogs",
      "/\\evil.example/uploads/a.png",
      "&#106;avascript:alert(1)",
      "ftp://example.org/a.png",
    ]) {
      expect(firstPictureOf(`<img src="${src}" alt="bad"><img src="/uploads/ok.png" alt="ok">`)).toEqual({
        src: "/uploads/ok.png",
        alt: "ok",
      });
    }
    expect(firstPictureOf('<img alt="no source" /><p>&lt;img src="/uploads/a.png"&gt;</p>')).toBeNull();
    expect(firstPictureOf('<img data-src="/uploads/a.png" />')).toBeNull();
    expect(firstPictureOf("<p>none</p>")).toBeNull();
  });
});
