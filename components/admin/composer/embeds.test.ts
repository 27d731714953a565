import { describe, expect, it } from "vitest";
import { cardLinkText, embedForUrl } from "./embeds";
import { normalizeLinkUrl } from "./link-rules";

describe("links the composer accepts", () => {
  it("keeps http, https and mailto, adding https:// when the scheme is left out", () => {
    expect(normalizeLinkUrl("https://example.org/a?b=1")).toBe("https://example.org/a?b=1");
    expect(normalizeLinkUrl("example.org/x")).toBe("https://example.org/x");
    expect(normalizeLinkUrl("mailto:desk@example.org")).toBe("mailto:desk@example.org");
    expect(normalizeLinkUrl("desk@example.org")).toBe("mailto:desk@example.org");
  });

  it("refuses other schemes and non-addresses", () => {
    expect(normalizeLinkUrl("javascript:alert(1)")).toBeNull();
    expect(normalizeLinkUrl("data:text/html,hi")).toBeNull();
    expect(normalizeLinkUrl("ftp://example.org")).toBeNull();
    expect(normalizeLinkUrl("hello")).toBeNull();
    expect(normalizeLinkUrl("   ")).toBeNull();
  });
});

describe("embed by URL", () => {
  it("turns YouTube addresses into a video id", () => {
    for (const url of [
      "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
      "https://youtu.be/dQw4w9WgXcQ?t=4",
      "youtube.com/shorts/dQw4w9WgXcQ",
      "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ",
    ]) {
      expect(embedForUrl(url)).toMatchObject({ kind: "youtube", videoId: "dQw4w9WgXcQ" });
    }
  });

  it("makes x.com and twitter.com posts X cards and anything else a link card", () => {
    expect(embedForUrl("https://x.com/someone/status/1", "Words")).toMatchObject({ kind: "x", text: "Words" });
    expect(embedForUrl("https://twitter.com/someone/status/1")).toMatchObject({ kind: "x" });
    expect(embedForUrl("https://www.youtube.com/about")).toMatchObject({ kind: "link" });
    expect(embedForUrl("https://example.org/story")).toMatchObject({ kind: "link", url: "https://example.org/story" });
  });

  it("refuses what is not a web address", () => {
    expect(embedForUrl("mailto:a@example.org")).toBeNull();
    expect(embedForUrl("javascript:alert(1)")).toBeNull();
  });

  it("names the card's link", () => {
    expect(cardLinkText({ kind: "x", url: "https://x.com/a/status/1" })).toBe("View post on X");
    expect(cardLinkText({ kind: "link", url: "https://www.example.org/story" })).toBe("example.org/story");
  });
});
