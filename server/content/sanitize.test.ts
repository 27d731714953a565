import { describe, expect, it } from "vitest";
import { isBlankHtml, sanitizeEntryHtml } from "./sanitize";

describe("sanitizeEntryHtml", () => {
  it("keeps the newsroom allowlist", () => {
    const html =
      '<h2>Sub</h2><p><strong>Bold</strong> <em>it</em> <a href="https://example.org/x">link</a></p>' +
      "<ul><li>one</li></ul><ol><li>two</li></ol><blockquote><p>quote</p></blockquote>" +
      '<figure><img src="https://example.org/a.jpg" alt="A"><figcaption>Cap</figcaption></figure>';
    const clean = sanitizeEntryHtml(html, { imageHosts: ["https://example.org"] });
    for (const tag of ["<h2>", "<strong>", "<em>", "<ul>", "<ol>", "<blockquote>", "<figure>", "<figcaption>"]) {
      expect(clean).toContain(tag);
    }
    expect(clean).toContain('<img src="https://example.org/a.jpg" alt="A" />');
    expect(clean).toContain('href="https://example.org/x"');
    expect(clean).toContain('rel="noopener noreferrer nofollow"');
  });

  it.each([
    ["<script>alert(1)</script><p>ok</p>", "<p>ok</p>"],
    ['<p onclick="alert(1)">x</p>', "<p>x</p>"],
    ['<img src="/uploads/x.jpg" onerror="alert(1)">', '<img src="/uploads/x.jpg" />'],
    ['<a href="javascript:alert(1)">x</a>', '<a rel="noopener noreferrer nofollow" target="_blank">x</a>'],
    ['<a href="JaVaScRiPt:alert(1)">x</a>', '<a rel="noopener noreferrer nofollow" target="_blank">x</a>'],
    ["<svg><script>alert(1)</script></svg><p>a</p>", "<p>a</p>"],
    ['<iframe src="https://evil.example"></iframe>', ""],
    ['<p style="background:url(javascript:alert(1))">s</p>', "<p>s</p>"],
    ["<style>p{color:red}</style><p>t</p>", "<p>t</p>"],
    ["<div><p>kept text</p></div>", "<p>kept text</p>"],
  ])("cleans %s", (input, expected) => {
    expect(sanitizeEntryHtml(input)).toBe(expected);
  });

  it("never lets an event handler or javascript: through, whatever the nesting", () => {
    const clean = sanitizeEntryHtml(
      '<p><b onmouseover="x()"><a href=" javascript:x()">y</a></b></p><math><mi xlink:href="javascript:1">z</mi></math>',
    );
    expect(clean).not.toMatch(/on\w+=/i);
    expect(clean).not.toMatch(/javascript:/i);
  });
});

describe("image sources", () => {
  const imageHosts = ["https://images.example", "https://cdn.example:8443"];

  it.each([
    [
      '<img src="/uploads/0123456789abcdef0123456789abcdef.jpg" alt="a">',
      '<img src="/uploads/0123456789abcdef0123456789abcdef.jpg" alt="a" />',
    ],
    ['<img src=" /demo/orla-harbour.svg " alt="a">', '<img src="/demo/orla-harbour.svg" alt="a" />'],
    [
      '<img src="https://images.example/quay.jpg?w=800" alt="a">',
      '<img src="https://images.example/quay.jpg?w=800" alt="a" />',
    ],
    ['<img src="HTTPS://IMAGES.EXAMPLE/Quay.jpg" alt="a">', '<img src="https://images.example/Quay.jpg" alt="a" />'],
    ['<img src="https://cdn.example:8443/a.png" alt="a">', '<img src="https://cdn.example:8443/a.png" alt="a" />'],
    ['<img alt="no source">', '<img alt="no source" />'],
    ['<img src="" alt="empty">', '<img alt="empty" />'],
  ])("keeps our own images and those from IMAGE_HOSTS: %s", (input, expected) => {
    expect(sanitizeEntryHtml(input, { imageHosts })).toBe(expected);
  });

  it.each([
    "https://evil.example/pixel.gif",
    "http://images.example/quay.jpg",
    "https://images.example.evil.example/quay.jpg",
    "https://cdn.example/a.png",
    "//evil.example/pixel.gif",
    "/\\evil.example/pixel.gif",
    "/api/blogs",
    "/uploads/../api/blogs",
    "/uploads/%2e%2e/api/blogs",
    "uploads/0123456789abcdef0123456789abcdef.jpg",
    "x",
    "data:image/gif;base64,R0lGODlhAQABAAAAACw=",
    "javascript:alert(1)",
  ])("refuses an image from %s with a 400 naming where images may come from", (src) => {
    const attempt = () => sanitizeEntryHtml(`<p>Look:</p><figure><img src="${src}" alt="a"></figure>`, { imageHosts });
    expect(attempt).toThrow(
      expect.objectContaining({
        code: "BAD_REQUEST",
        message: `body: images must be uploaded here (/uploads/…) or come from https://images.example, https://cdn.example:8443; "${src}" is from elsewhere: upload the image instead`,
      }),
    );
  });

  it("takes only our own uploads when no host is configured", () => {
    expect(() => sanitizeEntryHtml('<img src="https://images.example/quay.jpg">')).toThrow(
      'body: images must be uploaded here (/uploads/…); "https://images.example/quay.jpg" is from elsewhere: upload the image instead',
    );
    expect(sanitizeEntryHtml('<img src="/uploads/0123456789abcdef0123456789abcdef.png">')).toBe(
      '<img src="/uploads/0123456789abcdef0123456789abcdef.png" />',
    );
  });

  it("does not judge images that are dropped anyway (inside frames, templates, SVG, raw text)", () => {
    for (const html of [
      '<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ"><img src="https://evil.example/p.gif"></iframe>',
      '<template><img src="https://evil.example/p.gif"></template>',
      '<svg><image href="https://evil.example/p.gif"/><img src="https://evil.example/p.gif"></svg>',
      '<noscript><img src="https://evil.example/p.gif"></noscript>',
      '<textarea><img src="https://evil.example/p.gif"></textarea>',
    ]) {
      expect(sanitizeEntryHtml(`<p>t</p>${html}`)).not.toContain("evil.example");
    }
  });
});

describe("embeds", () => {
  const FRAME_ATTRIBUTES =
    'loading="lazy" referrerpolicy="strict-origin-when-cross-origin" sandbox="allow-scripts allow-same-origin allow-presentation"';

  it("keeps a YouTube frame, moved to the no-cookie host, with only src, title and allowfullscreen of its own", () => {
    const clean = sanitizeEntryHtml(
      '<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ?autoplay=1" title="Storm footage" allowfullscreen width="560" ' +
        'onload="alert(1)" sandbox="allow-top-navigation" srcdoc="&lt;script&gt;">fallback <b>text</b></iframe>',
    );
    expect(clean).toBe(
      `<iframe src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ" title="Storm footage" allowfullscreen ${FRAME_ATTRIBUTES}></iframe>`,
    );
  });

  it("keeps a youtube-nocookie frame as it is, plus the fixed attributes", () => {
    expect(
      sanitizeEntryHtml('<p>Watch:</p><iframe src="https://www.youtube-nocookie.com/embed/abc_DEF-12"></iframe>'),
    ).toBe(
      `<p>Watch:</p><iframe src="https://www.youtube-nocookie.com/embed/abc_DEF-12" ${FRAME_ATTRIBUTES}></iframe>`,
    );
  });

  it.each([
    ['<iframe src="https://evil.example/embed/dQw4w9WgXcQ">x</iframe><p>after</p>', "<p>after</p>"],
    ['<iframe src="http://www.youtube.com/embed/dQw4w9WgXcQ"></iframe>', ""],
    ['<iframe src="https://youtube.com/embed/dQw4w9WgXcQ"></iframe>', ""],
    ['<iframe src="https://www.youtube.com.evil.example/embed/dQw4w9WgXcQ"></iframe>', ""],
    ['<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ/../../redirect"></iframe>', ""],
    ['<iframe src="https://www.youtube.com/watch?v=dQw4w9WgXcQ"></iframe>', ""],
    ['<iframe src="https://www.youtube.com/embed/abc"></iframe>', ""],
    ['<iframe src="//www.youtube-nocookie.com/embed/dQw4w9WgXcQ"></iframe>', ""],
    ['<iframe srcdoc="<script>alert(1)</script>"></iframe>', ""],
    ['<iframe src="javascript:alert(1)"></iframe>', ""],
  ])("drops the frame %s", (input, expected) => {
    expect(sanitizeEntryHtml(input)).toBe(expected);
  });

  it("keeps a link card with its link, quote and caption", () => {
    const html =
      '<figure data-embed="x" class="tweet" data-id="1"><blockquote><p>Roads closed</p></blockquote>' +
      '<figcaption>@roads</figcaption><a href="https://x.com/roads/status/1" onclick="x()">Open</a></figure>';
    expect(sanitizeEntryHtml(html)).toBe(
      '<figure data-embed="x"><blockquote><p>Roads closed</p></blockquote><figcaption>@roads</figcaption>' +
        '<a href="https://x.com/roads/status/1" rel="noopener noreferrer nofollow" target="_blank">Open</a></figure>',
    );
    expect(sanitizeEntryHtml('<figure data-embed="link"><a href="https://example.org">E</a></figure>')).toContain(
      '<figure data-embed="link">',
    );
  });

  it("drops any other data-embed value but keeps the figure", () => {
    expect(sanitizeEntryHtml('<figure data-embed="script"><figcaption>c</figcaption></figure>')).toBe(
      "<figure><figcaption>c</figcaption></figure>",
    );
    expect(sanitizeEntryHtml('<p data-embed="x">p</p>')).toBe("<p>p</p>");
  });
});

describe("isBlankHtml", () => {
  it("treats markup without text as blank", () => {
    expect(isBlankHtml("<p> </p><br>")).toBe(true);
    expect(isBlankHtml("<p>hi</p>")).toBe(false);
    expect(isBlankHtml('<img src="https://example.org/a.jpg">')).toBe(false);
    expect(isBlankHtml('<iframe src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"></iframe>')).toBe(false);
  });
});
