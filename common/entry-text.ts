// Plain text out of an entry's sanitized HTML, for descriptions, excerpts and articleBody.

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === "#") {
      const code = name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** The words of an HTML fragment: tags gone (block ends become spaces), entities decoded, whitespace collapsed. */
export function plainTextOf(html: string): string {
  const spaced = html
    .replace(/<(script|style|iframe)\b[\s\S]*?<\/\1>/gi, " ")
    .replace(/<\/?(p|br|li|ul|ol|h[1-6]|blockquote|figure|figcaption|div|hr)\b[^>]*>/gi, " ")
    .replace(/<[^>]*>/g, "");
  return decodeEntities(spaced).replace(/\s+/g, " ").trim();
}

/** At most `max` characters, cut at a word boundary with an ellipsis when it had to be cut. */
export function excerptOf(text: string, max: number): string {
  if (text.length <= max) return text;
  // One character is kept for the ellipsis; a word that ends exactly there is whole.
  const space = text.slice(0, max).lastIndexOf(" ");
  return `${(space > max / 2 ? text.slice(0, space) : text.slice(0, max - 1)).trimEnd()}…`;
}

/** The first image of an entry body (its src, as stored: absolute or a same-site path). */
export function firstImageOf(html: string): string | null {
  const src = /<img\b[^>]*?\bsrc="([^"]+)"/i.exec(html)?.[1];
  return src ? decodeEntities(src) : null;
}

/**
 * Where a picture shown outside its entry may come from: the web (http, https) or our own uploads and demo
 * pictures, as the sanitizer stores them. Anything else (data:, javascript:, a relative or protocol-relative
 * path) is not shown, even if an old body holds it.
 */
function isShowableImageSrc(src: string): boolean {
  if (/^https?:\/\//i.test(src)) return URL.canParse(src);
  if (!src.startsWith("/") || src.startsWith("//") || !URL.canParse(src, OWN_ORIGIN)) return false;
  // Resolved as a browser would ("/uploads/%2e%2e/api" is "/api"), and kept only if it stays in our folders.
  const url = new URL(src, OWN_ORIGIN);
  return url.origin === OWN_ORIGIN && /^\/(uploads|demo)\//.test(url.pathname);
}
const OWN_ORIGIN = "https://liveline.invalid";

/** The first picture of an entry body with a src that may be shown, with its alt text ("" when it has none). */
export function firstPictureOf(html: string): { src: string; alt: string } | null {
  for (const [, attributes = ""] of html.matchAll(/<img\b([^>]*)>/gi)) {
    const values = new Map<string, string>();
    for (const [, name = "", value = ""] of attributes.matchAll(/\s([a-z-]+)\s*=\s*"([^"]*)"/gi)) {
      if (!values.has(name.toLowerCase())) values.set(name.toLowerCase(), decodeEntities(value));
    }
    const src = values.get("src")?.trim();
    if (src && isShowableImageSrc(src)) return { src, alt: values.get("alt")?.trim() ?? "" };
  }
  return null;
}

/** An entry's title where one is needed: its headline, else the start of its text. */
export function entryTitleOf(entry: { headline: string | null; body: string }, max = 110): string {
  return excerptOf(entry.headline?.trim() || plainTextOf(entry.body) || "Update", max);
}

/** A correction note as readers read it, everywhere (page, feed, JSON-LD, embed): "Correction: …" once. */
export function correctionLineOf(text: string): string {
  return /^correction\b/i.test(text) ? text : `Correction: ${text}`;
}
