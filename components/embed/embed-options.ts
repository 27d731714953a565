// What an embed shows, chosen by the newsroom in the snippet and carried in the embed's query string
// (/embed/{slug}?theme=dark&entries=5&header=0&pinned=0). The admin's snippet builder writes them with
// `embedQueryOf`; the embed route parses them with embed-query.ts (zod, kept out of the admin's bundle).
export const EMBED_THEMES = ["light", "dark", "auto"] as const;
export type EmbedTheme = (typeof EMBED_THEMES)[number];
export const MIN_EMBED_ENTRIES = 1;
export const MAX_EMBED_ENTRIES = 50;

export interface EmbedOptions {
  /** light (the default, whatever the reader's OS says: most host articles are white), dark, or auto (follows the OS). */
  theme: EmbedTheme;
  /** How many of the newest updates the frame shows; older ones are one "Read more" link away. */
  entries: number;
  /** The blog's title, status and summary above the updates. */
  header: boolean;
  /** Pinned updates above the stream. */
  pinned: boolean;
}

export const DEFAULT_EMBED_OPTIONS: EmbedOptions = { theme: "light", entries: 10, header: true, pinned: true };

/** The query string for `options`, without the defaults (so the plain /embed/{slug} stays the default embed). */
export function embedQueryOf(options: EmbedOptions): string {
  const params = new URLSearchParams();
  if (options.theme !== DEFAULT_EMBED_OPTIONS.theme) params.set("theme", options.theme);
  if (options.entries !== DEFAULT_EMBED_OPTIONS.entries) params.set("entries", String(options.entries));
  if (options.header !== DEFAULT_EMBED_OPTIONS.header) params.set("header", options.header ? "1" : "0");
  if (options.pinned !== DEFAULT_EMBED_OPTIONS.pinned) params.set("pinned", options.pinned ? "1" : "0");
  const query = params.toString();
  return query ? `?${query}` : "";
}
