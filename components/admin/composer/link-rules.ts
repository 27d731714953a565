// Which addresses an entry may link to or embed. The server's sanitizer enforces the same schemes;
// checking here lets the composer say so before anything is sent.

const LINK_SCHEMES = new Set(["http:", "https:", "mailto:"]);

/**
 * The link a writer typed, made absolute ("example.org/x" becomes https://example.org/x), or null when
 * it is not an http, https or mailto address.
 */
export function normalizeLinkUrl(input: string): string | null {
  const trimmed = input.trim();
  if (!trimmed) return null;
  const hasScheme = /^[a-z][a-z0-9+.-]*:/i.test(trimmed);
  const candidate = hasScheme
    ? trimmed
    : trimmed.includes("@") && !trimmed.includes("/")
      ? `mailto:${trimmed}`
      : `https://${trimmed}`;
  try {
    const url = new URL(candidate);
    if (!LINK_SCHEMES.has(url.protocol)) return null;
    if (url.protocol !== "mailto:" && !url.hostname.includes(".") && url.hostname !== "localhost") return null;
    return url.href;
  } catch {
    return null;
  }
}

/** An http(s) address for an embed, or null. */
export function normalizeWebUrl(input: string): URL | null {
  const href = normalizeLinkUrl(input);
  if (!href) return null;
  const url = new URL(href);
  return url.protocol === "http:" || url.protocol === "https:" ? url : null;
}
