import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import type { EntryDTO } from "@/common/contracts/dto";
import { blogDTO, entryDTO } from "@/common/contracts/test-factories";
import { atomFeedOf, xmlEscape } from "./atom-feed";
import { jsonLdText, liveBlogPostingOf } from "./live-blog-posting";
import { permalinkOf } from "@/common/urls";

const blog = blogDTO({
  slug: "storm",
  title: 'Storm & "floods" <live>',
  status: "ENDED",
  seq: 3,
  createdAt: "2026-01-01T10:00:00.000Z",
  updatedAt: "2026-01-01T12:00:00.000Z",
  endedAt: "2026-01-01T12:00:00.000Z",
});

const publisher = { name: "Ana & <Co> News", logoUrl: "/uploads/logo.png" };

const entry = (id: string, over: Partial<EntryDTO> = {}): EntryDTO =>
  entryDTO({
    id,
    blog: "storm",
    author: { id: "u1", name: "Ana <Reporter>" },
    publishedAt: "2026-01-01T11:00:00.000Z",
    createdAt: "2026-01-01T11:00:00.000Z",
    updatedAt: "2026-01-01T11:00:00.000Z",
    ...over,
  });

describe("atom feed", () => {
  it("escapes markup and drops characters XML cannot hold", () => {
    expect(xmlEscape(`a<b>&"c"'\u0001]]>`)).toBe("a&lt;b&gt;&amp;&quot;c&quot;&apos;]]&gt;");
  });

  it("is well-formed with hostile headlines and bodies, and makes same-site paths absolute", () => {
    const hostile = entry("e1", {
      headline: "]]> <script>alert(1)</script> & co",
      body: '<p>a ]]> b &amp; <img src="/uploads/x.png" alt=""></p>',
      editedAt: "2026-01-01T11:30:00.000Z",
      label: "Breaking & <now>",
    });
    const xml = atomFeedOf({ blog, entries: [hostile], origin: "https://news.example", publisher });
    expect(XMLValidator.validate(xml)).toBe(true);
    const feed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "" }).parse(xml).feed;
    expect(feed.title["#text"]).toBe(blog.title);
    expect(feed.entry.title["#text"]).toBe(hostile.headline);
    expect(feed.entry.content["#text"]).toBe(
      '<p>a ]]> b &amp; <img src="https://news.example/uploads/x.png" alt=""></p>',
    );
    expect(feed.entry.updated).toBe("2026-01-01T11:30:00.000Z");
    expect(feed.entry.id).toBe(`https://news.example${permalinkOf("storm", "e1")}`);
    expect(feed.author.name).toBe(publisher.name);
    expect(feed.logo).toBe("https://news.example/uploads/logo.png");
  });

  it("has no logo element when the publisher has no logo", () => {
    const xml = atomFeedOf({
      blog,
      entries: [],
      origin: "https://news.example",
      publisher: { name: "Plain", logoUrl: null },
    });
    expect(xml).not.toContain("<logo>");
    expect(new XMLParser().parse(xml).feed.author.name).toBe("Plain");
  });
});

describe("LiveBlogPosting", () => {
  it("describes the blog and its updates with absolute URLs, and ends coverage when the blog ended", () => {
    const data = liveBlogPostingOf({
      blog,
      updates: [entry("e2", { headline: "Two" })],
      origin: "https://news.example",
      publisher,
    }) as { liveBlogUpdate: unknown[] };
    expect(data).toMatchObject({
      "@type": "LiveBlogPosting",
      url: "https://news.example/live/storm",
      coverageStartTime: blog.createdAt,
      coverageEndTime: blog.endedAt,
      description: `Live coverage: ${blog.title}`,
      publisher: {
        "@type": "Organization",
        name: publisher.name,
        url: "https://news.example/",
        logo: { "@type": "ImageObject", url: "https://news.example/uploads/logo.png" },
      },
    });
    expect(data.liveBlogUpdate[0]).toMatchObject({
      "@type": "BlogPosting",
      headline: "Two",
      url: "https://news.example/live/storm/entries/e2",
      author: { "@type": "Person", name: "Ana <Reporter>" },
    });
  });

  it("cannot be closed early by text in the data", () => {
    const text = jsonLdText({ headline: "</script><script>alert(1)</script>" });
    expect(text).not.toContain("<");
    expect(JSON.parse(text).headline).toBe("</script><script>alert(1)</script>");
  });
});
