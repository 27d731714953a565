import { describe, expect, it } from "vitest";
import { isBlankHtml, sanitizeEntryHtml } from "./sanitize";

describe("sanitizeEntryHtml", () => {
  it("keeps the newsroom allowlist", () => {
    const html =
      '<h2>Sub</h2><p><strong>Bold</strong> <em>it</em> <a href="https://example.org/x">link</a></p>' +
      "<ul><li>one</li></ul><ol><li>two</li></ol><blockquote><p>quote</p></blockquote>" +
      '<figure><img src="https://example.org/a.jpg" alt="A"><figcaption>Cap</figcaption></figure>';
    const clean = sanitizeEntryHtml(html);
    for (const tag of ["<h2>", "<strong>", "<em>", "<ul>", "<ol>", "<blockquote>", "<figure>", "<figcaption>"]) {
      expect(clean).toContain(tag);
    }
    expect(clean).toContain('<img src="https://example.org/a.jpg" alt="A" />');
    expect(clean).toContain('href="https://example.org/x"');
    expect(clean).toContain('rel="noopener noreferrer nofollow"');
  });

  it.each([
    ['<script>alert(1)</script><p>ok</p>', "<p>ok</p>"],
    ['<p onclick="alert(1)">x</p>', "<p>x</p>"],
    ['<img src="/uploads/x.jpg" onerror="alert(1)">', '<img src="/uploads/x.jpg" />'],
    ['<a href="javascript:alert(1)">x</a>', '<a rel="noopener noreferrer nofollow" target="_blank">x</a>'],
    ['<a href="JaVaScRiPt:alert(1)">x</a>', '<a rel="noopener noreferrer nofollow" target="_blank">x</a>'],
    ['<img src="data:image/svg+xml;base64,PHN2Zz4=" alt="d">', '<img alt="d" />'],
    ['<svg><script>alert(1)</script></svg><p>a</p>', "<p>a</p>"],
    ['<iframe src="https://evil.example"></iframe>', ""],
    ['<p style="background:url(javascript:alert(1))">s</p>', "<p>s</p>"],
    ['<style>p{color:red}</style><p>t</p>', "<p>t</p>"],
    ['<div><p>kept text</p></div>', "<p>kept text</p>"],
  ])("cleans %s", (input, expected) => {
    expect(sanitizeEntryHtml(input)).toBe(expected);
  });

  it("never lets an event handler or javascript: through, whatever the nesting", () => {
    const clean = sanitizeEntryHtml('<p><b onmouseover="x()"><a href=" javascript:x()">y</a></b></p><math><mi xlink:href="javascript:1">z</mi></math>');
    expect(clean).not.toMatch(/on\w+=/i);
    expect(clean).not.toMatch(/javascript:/i);
  });
});

describe("isBlankHtml", () => {
  it("treats markup without text as blank", () => {
    expect(isBlankHtml("<p> </p><br>")).toBe(true);
    expect(isBlankHtml("<p>hi</p>")).toBe(false);
    expect(isBlankHtml('<img src="https://example.org/a.jpg">')).toBe(false);
  });
});
