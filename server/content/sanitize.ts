// The one gate every entry body passes before it is stored. Allowlist only.
import sanitizeHtml from "sanitize-html";
import { AppError } from "@/common/app-error";

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
    "p",
    "br",
    "a",
    "strong",
    "b",
    "em",
    "i",
    "u",
    "s",
    "ul",
    "ol",
    "li",
    "blockquote",
    "h2",
    "h3",
    "h4",
    "img",
    "figure",
    "figcaption",
    "cite",
    "code",
    "hr",
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

/** Where an entry's images may come from besides our own paths: https origins (config.imageHosts, IMAGE_HOSTS). */
export interface ImageSources {
  imageHosts?: readonly string[];
}

/**
 * Our own images: uploads, and the demo blog's pictures shipped in public/demo/. Nothing else on this
 * site is an image, and an <img> pointing at the API would spend each reader's anonymous read allowance.
 */
const OWN_IMAGE_PATHS = ["/uploads/", "/demo/"];
// A base no entry can name: a src that resolves to this origin is a path on our own site.
const OWN_ORIGIN = "https://liveline.invalid";

/**
 * The cleaned body. Throws 400 when an image comes from anywhere but our own uploads or `imageHosts`:
 * an image from elsewhere is a tracking pixel for every reader, feed readers included, and the CSP does
 * not go with the Atom feed. Refused rather than dropped, so the writer learns why and can upload it.
 */
export function sanitizeEntryHtml(html: string, { imageHosts = [] }: ImageSources = {}): string {
  const refused: string[] = [];
  const imageSrc = (src: string) => {
    const allowed = ownOrAllowedImageSrc(src, imageHosts);
    if (allowed === null) refused.push(src);
    return allowed;
  };
  const clean = sanitizeHtml(html, withFrames(imageSrc)).trim();
  if (refused.length > 0) throw new AppError("BAD_REQUEST", refusedImageMessage(refused[0]!, imageHosts));
  return clean;
}

/** The src to store (normalized, so what was checked is what browsers load), or null for an image from elsewhere. */
function ownOrAllowedImageSrc(src: string, imageHosts: readonly string[]): string | null {
  const raw = src.trim();
  if (!URL.canParse(raw, OWN_ORIGIN)) return null;
  const url = new URL(raw, OWN_ORIGIN);
  if (url.origin === OWN_ORIGIN) {
    // Only a path from the root: "uploads/x.jpg" would resolve against the page's own path in a browser.
    const own = raw.startsWith("/") && OWN_IMAGE_PATHS.some((prefix) => url.pathname.startsWith(prefix));
    return own ? url.pathname + url.search : null;
  }
  return imageHosts.includes(url.origin) ? url.href : null;
}

function refusedImageMessage(src: string, imageHosts: readonly string[]): string {
  const shown = src.length > 100 ? `${src.slice(0, 100)}…` : src;
  const allowed = imageHosts.length
    ? `uploaded here (/uploads/…) or come from ${imageHosts.join(", ")}`
    : "uploaded here (/uploads/…)";
  return `body: images must be ${allowed}; "${shown}" is from elsewhere: upload the image instead`;
}

/**
 * The options for one run, with what a frame holds removed: browsers never show a frame's content
 * (it is fallback markup), so nothing inside an <iframe> is kept. sanitize-html walks the document
 * depth-first and synchronously, so counting open frames tells whether a node is inside one. Image
 * sources go through `imageSrc` (null: refused); an image inside a frame is dropped with it and not judged.
 */
function withFrames(imageSrc: (src: string) => string | null): sanitizeHtml.IOptions {
  let openFrames = 0;
  return {
    ...OPTIONS,
    transformTags: {
      ...OPTIONS.transformTags,
      iframe: (_tagName, attribs) => {
        openFrames++;
        return youtubeFrame(attribs);
      },
      img: (_tagName, attribs): sanitizeHtml.Tag => {
        const { src, ...others } = attribs;
        // No source (or an empty one) loads nothing.
        const checked = openFrames > 0 || !src?.trim() ? null : imageSrc(src);
        return { tagName: "img", attribs: checked === null ? others : { ...attribs, src: checked } };
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
  return (
    sanitizeHtml(html, {
      allowedTags: ["img", "iframe"],
      allowedAttributes: { img: ["src"], iframe: ["src"] },
    }).trim() === ""
  );
}
