// What makes a publisher's brand valid, checked the same way for the environment's defaults (server/config.ts),
// the settings API and the admin form: a zone and a locale the Intl APIs know, a colour readers can read.

/** The accent readers see until the publisher picks one: red-700, 6.5:1 on white (WCAG AA needs 4.5:1). */
export const DEFAULT_ACCENT_COLOR = "#b91c1c";

/** Text and controls in the accent colour on white need this much contrast (WCAG 2.2 AA, normal text). */
export const MIN_ACCENT_CONTRAST = 4.5;

export const HEX_COLOR = /^#[0-9a-f]{6}$/i;

// An IANA name ("Europe/London", "America/Argentina/Buenos_Aires", "UTC"): Intl also takes offsets ("+01:00")
// and would take them here, but a fixed offset is not a place and misses daylight saving.
const ZONE_NAME = /^[A-Za-z][A-Za-z0-9_+-]*(?:\/[A-Za-z0-9_+-]+)*$/;

/** Whether `zone` is a time zone name this runtime's Intl knows (aliases such as "Europe/Kiev" included). */
export function isTimeZone(zone: string): boolean {
  if (!ZONE_NAME.test(zone)) return false;
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** `tag` as a canonical BCP 47 locale ("en-gb" -> "en-GB") this runtime can format dates in; null when it is not one. */
export function canonicalLocale(tag: string): string | null {
  try {
    const [canonical] = Intl.getCanonicalLocales(tag);
    if (!canonical || Intl.DateTimeFormat.supportedLocalesOf(canonical).length === 0) return null;
    return canonical;
  } catch {
    return null;
  }
}

/** The WCAG contrast ratio of a #rrggbb colour against white (1 to 21). */
export function contrastOnWhite(hex: string): number {
  const channels = [1, 3, 5].map((at) => parseInt(hex.slice(at, at + 2), 16) / 255);
  const [r, g, b] = channels.map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [
    number,
    number,
    number,
  ];
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return 1.05 / (luminance + 0.05);
}

/** Where a logo may come from: this site's uploads (served under the page's own CSP) or an https URL. */
export function isLogoLocation(value: string): boolean {
  if (/^\/uploads\/[\w-]+\.[a-z0-9]+$/i.test(value)) return true;
  if (!URL.canParse(value)) return false;
  const url = new URL(value);
  return url.protocol === "https:" && !url.username && !url.password;
}
