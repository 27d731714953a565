// The embed page as one HTML document (app/embed/[slug]/route.ts answers with it): the newest updates as the
// server has them, the state the embed's script starts from, and that script (a few kilobytes, not the reader
// app: other sites' articles carry this page).
import type { BlogDTO, EntryDTO, PublisherDTO } from "@/common/contracts/dto";
import type { EmbedOptions } from "./embed-options";
import { EMBED_STATE_ID, type EmbedState } from "./embed-state";
import { EMBED_STYLES } from "./embed-styles";
import { endedHtml, entryHtml, escapeHtml, statusHtml } from "./embed-markup";

export interface EmbedDocumentInput {
  blog: BlogDTO;
  /** Pinned updates, newest first (all of them: the page shows as many as `options.entries`). */
  pinned: EntryDTO[];
  /** The stream's newest updates, newest first. */
  entries: EntryDTO[];
  /** Whether the blog holds updates older than `entries`. */
  hasOlder: boolean;
  options: EmbedOptions;
  /** The full reader page (absolute), for "Read more" and the canonical link. */
  fullPageUrl: string;
  /**
   * Who publishes the blog ("Read more on {name}") and their accent, which links take in the light theme
   * (it is checked to contrast with white when saved; the dark theme keeps its own light red).
   */
  publisher: Pick<PublisherDTO, "name" | "accentColor">;
  /** The script's URL and this response's CSP nonce for it. */
  script: { src: string; nonce: string };
}

/**
 * The publisher's accent over the light theme's: `:root` alone is less specific than the dark themes' rules, so
 * they keep theirs. Only a #rrggbb colour is ever written into the stylesheet.
 */
const accentStyle = (accent: string) => (/^#[0-9a-f]{6}$/i.test(accent) ? `:root{--accent:${accent}}` : "");

const COLOR_SCHEME = { light: "light", dark: "dark", auto: "light dark" } as const;

/** JSON inside a <script> element: "<" escaped, so no text in it can close the element. */
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, "\\u003c");

export function embedDocument(input: EmbedDocumentInput): string {
  const { blog, options } = input;
  const pinned = options.pinned ? input.pinned.slice(0, options.entries) : [];
  const entries = input.entries.slice(0, options.entries);
  const hasOlder = input.hasOlder || input.entries.length > entries.length;
  const state: EmbedState = {
    feed: { blog, pinned, entries, nextCursor: hasOlder ? "older" : null, seq: blog.seq },
    options: { entries: options.entries, header: options.header, pinned: options.pinned },
  };
  const title = escapeHtml(blog.title);
  const header = options.header
    ? `<header class="embed-header"><p class="status">${statusHtml(blog)}</p><h1>${title}</h1>` +
      `<p class="summary"${blog.summary ? "" : " hidden"}>${escapeHtml(blog.summary)}</p>` +
      (blog.status === "ENDED" ? endedHtml(blog) : "") +
      `</header>`
    : // Without the visible header, the frame still has a title for assistive technology and says how live it is.
      `<div class="sr-only"><h1>${title}</h1>${statusHtml(blog)}</div>`;
  const pinnedSection = options.pinned
    ? `<section class="pinned" aria-labelledby="pinned-heading" data-testid="pinned"${pinned.length ? "" : " hidden"}>` +
      `<h2 id="pinned-heading">Key points</h2><div data-list="pinned">${pinned.map((e) => entryHtml(e, "pinned")).join("")}</div></section>`
    : "";
  const stream =
    `<section aria-labelledby="stream-heading" data-testid="stream"><h2 id="stream-heading" class="sr-only">Latest updates</h2>` +
    `<div data-list="stream">${entries.map((e) => entryHtml(e, "stream")).join("")}</div>` +
    `<p class="empty"${entries.length || pinned.length ? " hidden" : ""}>No updates yet. New ones will appear here as they are published.</p>` +
    `<div class="sr-only" aria-live="polite" data-announcer></div></section>`;
  const readMore =
    `<p class="read-more"><a href="${escapeHtml(input.fullPageUrl)}" target="_blank" rel="noopener" data-testid="read-more">` +
    `${escapeHtml(`Read more on ${input.publisher.name}`)} <span aria-hidden="true">↗</span></a></p>`;
  return [
    `<!doctype html><html lang="en" data-theme="${options.theme}"><head><meta charset="utf-8">`,
    `<meta name="viewport" content="width=device-width,initial-scale=1">`,
    `<meta name="color-scheme" content="${COLOR_SCHEME[options.theme]}">`,
    // The full page is the one to index; the embed is a copy of it.
    `<meta name="robots" content="noindex"><link rel="canonical" href="${escapeHtml(input.fullPageUrl)}">`,
    // The site's icon (app/icon.svg), so the browser does not ask for a /favicon.ico that is not there.
    `<link rel="icon" href="/icon.svg" type="image/svg+xml">`,
    `<title>${title}</title><style>${EMBED_STYLES}${accentStyle(input.publisher.accentColor)}</style></head>`,
    `<body><main data-testid="embed">${header}${pinnedSection}${stream}${readMore}</main>`,
    // A data block never runs; it carries the nonce anyway, so every <script> of every page has it (security-csp.test.ts).
    `<script type="application/json" id="${EMBED_STATE_ID}" nonce="${escapeHtml(input.script.nonce)}">${scriptJson(state)}</script>`,
    `<script src="${escapeHtml(input.script.src)}" nonce="${escapeHtml(input.script.nonce)}" defer></script>`,
    `</body></html>`,
  ].join("");
}

/** An embed that cannot be shown (bad options: 400; no such blog: 404), said in words in a page that fits a frame. */
export function embedErrorDocument(heading: string, message: string): string {
  return [
    `<!doctype html><html lang="en" data-theme="light"><head><meta charset="utf-8"><meta name="robots" content="noindex">`,
    `<title>${escapeHtml(heading)}</title><style>${EMBED_STYLES}</style></head><body><main>`,
    `<h1>${escapeHtml(heading)}</h1><p>${escapeHtml(message)}.</p>`,
    `</main></body></html>`,
  ].join("");
}
