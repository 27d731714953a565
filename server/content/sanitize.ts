// The one gate every entry body passes before it is stored. Allowlist only.
import sanitizeHtml from "sanitize-html";

/** YouTube embeds are the only frames allowed, always served from the no-cookie host. */
const YOUTUBE_EMBED = /^https:\/\/www\.youtube(?:-nocookie)?\.com\/embed\/([A-Za-z0-9_-]{6,20})(?:\?[^#]*)?$/;

const IFRAME_ATTRIBUTES = {
  loading: "lazy",
  referrerpolicy: "strict-origin-when-cross-origin",
  sandbox: "allow-scripts allow-same-origin allow-presentation",
} as const;

/** Rewrites an allowed YouTube frame to its fixed form; any other frame loses its src (and is then dropped). */
const youtubeFrame = (attribs: sanitizeHtml.Attributes): sanitizeHtml.Tag => {
  const id = YOUTUBE_EMBED.exec(attribs.src?.trim() ?? "")?.[1];
  if (!id) return { tagName: "iframe", attribs: {} };
  return {
    tagName: "iframe",
    attribs: {
      src: `https://www.youtube-nocookie.com/embed/${id}`,
      ...(attribs.title ? { title: attribs.title } : {}),
      ...("allowfullscreen" in attribs ? { allowfullscreen: "" } : {}),
      ...IFRAME_ATTRIBUTES,
    },
  };
};

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    "p", "br", "a", "strong", "b", "em", "i", "u", "s",
    "ul", "ol", "li", "blockquote", "h2", "h3", "h4",
    "img", "figure", "figcaption", "cite", "code", "hr",
    "iframe",
  ],
  allowedAttributes: {
    // The transform adds rel/target after the attribute filter, so they are allowed on output.
    a: ["href", "title", "rel", "target"],
    img: ["src", "alt", "width", "height"],
    blockquote: ["cite"],
    // A link card (<figure data-embed="link|x"> holding a link, a quote and a caption); readers' pages style it.
    figure: ["data-embed"],
    iframe: ["src", "title", "allowfullscreen", ...Object.keys(IFRAME_ATTRIBUTES)],
  },
  allowedSchemes: ["http", "https", "mailto"],
  allowedSchemesByTag: { img: ["http", "https"], iframe: ["https"] },
  allowedSchemesAppliedToAttributes: ["href", "src", "cite"],
  allowProtocolRelative: false,
  allowedIframeHostnames: ["www.youtube-nocookie.com"],
  allowIframeRelativeUrls: false,
  // Drop the contents of these along with the tags; everything else unknown keeps its text.
  nonTextTags: ["script", "style", "textarea", "option", "noscript", "object", "embed", "svg", "math", "template"],
  disallowedTagsMode: "discard",
  transformTags: {
    // Links in entries point away from us: never pass our page to them.
    a: sanitizeHtml.simpleTransform("a", { rel: "noopener noreferrer nofollow", target: "_blank" }),
    figure: (_tagName, attribs): sanitizeHtml.Tag => {
      const embed = attribs["data-embed"];
      const kept: sanitizeHtml.Attributes = embed === "link" || embed === "x" ? { "data-embed": embed } : {};
      return { tagName: "figure", attribs: kept };
    },
  },
  allowedClasses: {},
  allowedStyles: {},
};

export function sanitizeEntryHtml(html: string): string {
  return sanitizeHtml(html, withFrames()).trim();
}

/**
 * The options for one run, with what a frame holds removed: browsers never show a frame's content
 * (it is fallback markup), so nothing inside an <iframe> is kept. sanitize-html walks the document
 * depth-first and synchronously, so counting open frames tells whether a node is inside one.
 */
function withFrames(): sanitizeHtml.IOptions {
  let openFrames = 0;
  return {
    ...OPTIONS,
    transformTags: {
      ...OPTIONS.transformTags,
      iframe: (_tagName, attribs) => {
        openFrames++;
        return youtubeFrame(attribs);
      },
    },
    textFilter: (text) => (openFrames > 0 ? "" : text),
    // Called as each element closes, innermost first, so a frame's children are judged while it is open.
    exclusiveFilter: (frame) => {
      if (frame.tag !== "iframe") return openFrames > 0;
      openFrames--;
      return !frame.attribs.src;
    },
  };
}

/** True when sanitized HTML has nothing a reader could see. */
export function isBlankHtml(html: string): boolean {
  return sanitizeHtml(html, { allowedTags: ["img", "iframe"], allowedAttributes: { img: ["src"], iframe: ["src"] } }).trim() === "";
}
