// The one gate every entry body passes before it is stored. Allowlist only.
import sanitizeHtml from "sanitize-html";

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    "p", "br", "a", "strong", "b", "em", "i", "u", "s",
    "ul", "ol", "li", "blockquote", "h2", "h3", "h4",
    "img", "figure", "figcaption", "cite", "code", "hr",
  ],
  allowedAttributes: {
    a: ["href", "title"],
    img: ["src", "alt", "width", "height"],
    blockquote: ["cite"],
  },
  allowedSchemes: ["http", "https", "mailto"],
  allowedSchemesByTag: { img: ["http", "https"] },
  allowedSchemesAppliedToAttributes: ["href", "src", "cite"],
  allowProtocolRelative: false,
  // Drop the contents of these along with the tags; everything else unknown keeps its text.
  nonTextTags: ["script", "style", "textarea", "option", "noscript", "iframe", "object", "embed", "svg", "math", "template"],
  disallowedTagsMode: "discard",
  transformTags: {
    // Links in entries point away from us: never pass our page to them.
    a: sanitizeHtml.simpleTransform("a", { rel: "noopener noreferrer nofollow", target: "_blank" }),
  },
  allowedClasses: {},
  allowedStyles: {},
};

// The transform adds rel/target after the attribute filter, so allow them on output.
OPTIONS.allowedAttributes = { ...OPTIONS.allowedAttributes, a: ["href", "title", "rel", "target"] };

export function sanitizeEntryHtml(html: string): string {
  return sanitizeHtml(html, OPTIONS).trim();
}

/** True when sanitized HTML has nothing a reader could see. */
export function isBlankHtml(html: string): boolean {
  return sanitizeHtml(html, { allowedTags: ["img"], allowedAttributes: { img: ["src"] } }).trim() === "";
}
