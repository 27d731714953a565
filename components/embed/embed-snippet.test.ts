import { describe, expect, it } from "vitest";
import { DEFAULT_EMBED_OPTIONS } from "./embed-options";
import { embedSnippetOf } from "./embed-snippet";

describe("embed snippet", () => {
  it("names the iframe, the script and escapes the title", () => {
    const snippet = embedSnippetOf(
      "https://news.example",
      { slug: "storm", title: 'A "quoted" <title>' },
      DEFAULT_EMBED_OPTIONS,
    );
    expect(snippet).toContain(
      '<iframe src="https://news.example/embed/storm" data-liveline="storm" title="A &quot;quoted&quot; &lt;title&gt; (live)"',
    );
    expect(snippet).toContain('<script async src="https://news.example/embed.js"></script>');
  });

  it("carries the options that differ from the defaults, escaped for the attribute", () => {
    const snippet = embedSnippetOf(
      "https://news.example",
      { slug: "storm", title: "Storm" },
      { theme: "dark", entries: 5, header: false, pinned: false },
    );
    expect(snippet).toContain(
      'src="https://news.example/embed/storm?theme=dark&amp;entries=5&amp;header=0&amp;pinned=0"',
    );
    expect(
      embedSnippetOf(
        "https://news.example",
        { slug: "storm", title: "Storm" },
        { ...DEFAULT_EMBED_OPTIONS, theme: "auto" },
      ),
    ).toContain('src="https://news.example/embed/storm?theme=auto"');
  });
});
