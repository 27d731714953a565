// The embed's HTML, as strings: the server renders the page with it (app/embed/[slug]/route.ts) and the
// embed's script renders live updates with the same functions, so a new entry looks like the ones the page
// came with. Everything is escaped except entry bodies, which the server sanitized before storing them.
import { correctionLineOf } from "@/common/entry-text";
import type { BlogDTO, EntryDTO } from "@/common/contracts/dto";
import { UNLISTED_LABEL_COLOUR } from "@/components/feed/label-colour";
import { absoluteTime, clockTime } from "@/components/feed/relative-time";

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Text (or an attribute value) as HTML. */
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

/** The two lists an embed shows; an entry may be in both (pinned, and in the stream), so ids carry the list. */
export type EmbedList = "pinned" | "stream";

export const entryElementId = (list: EmbedList, id: string) => `embed-${list}-${id}`;

/**
 * A time as the server renders it: the clock in UTC (it does not know the reader's zone). The embed's
 * script replaces the text with a relative time ("3 min ago") and the title with the reader's zone.
 */
export function timeHtml(iso: string): string {
  const instant = new Date(iso);
  const full = absoluteTime(instant, "UTC");
  return `<time datetime="${escapeHtml(iso)}" title="${escapeHtml(full)}" data-time>${escapeHtml(`${clockTime(instant, "UTC")} UTC`)}</time>`;
}

export function entryHtml(entry: EntryDTO, list: EmbedList): string {
  const id = entryElementId(list, entry.id);
  const headingId = `${id}-headline`;
  const meta = [
    entry.publishedAt ? timeHtml(entry.publishedAt) : "",
    entry.label
      ? `<span class="label" style="background:${escapeHtml(entry.labelColour ?? UNLISTED_LABEL_COLOUR)}">${escapeHtml(entry.label)}</span>`
      : "",
    entry.keyEvent ? `<span class="key-event">Key event</span>` : "",
  ].join("");
  return [
    `<article id="${escapeHtml(id)}" class="entry"${entry.pinned ? " data-pinned" : ""}`,
    entry.headline ? ` aria-labelledby="${escapeHtml(headingId)}"` : "",
    `><header class="entry-meta">${meta}</header>`,
    entry.headline ? `<h3 id="${escapeHtml(headingId)}" class="headline">${escapeHtml(entry.headline)}</h3>` : "",
    // Sanitized on the server before it was stored (server/content/sanitize.ts), as the reader page trusts it.
    `<div class="entry-body">${entry.body}</div>`,
    ...entry.corrections.map(
      (note) => `<p class="correction" data-correction>${escapeHtml(correctionLineOf(note.text))}</p>`,
    ),
    `<footer class="entry-footer"><span>By <span class="author">${escapeHtml(entry.author.name)}</span></span>`,
    entry.editedAt ? `<span data-testid="entry-updated">Updated ${timeHtml(entry.editedAt)}</span>` : "",
    `</footer></article>`,
  ].join("");
}

export type ConnectionState = "connecting" | "live" | "reconnecting" | "offline";

export const CONNECTION_TEXT: Record<ConnectionState, string> = {
  connecting: "Connecting…",
  live: "Live",
  reconnecting: "Reconnecting…",
  offline: "Offline",
};

/**
 * One indicator of how live the embed is: for a live blog, the connection ("Live", "Reconnecting…"), which
 * the script keeps current; for an ended one, "Ended".
 */
export function statusHtml(blog: Pick<BlogDTO, "status">): string {
  if (blog.status !== "LIVE") return `<span class="badge ended">Ended</span>`;
  return (
    `<span class="connection" data-state="connecting"><span class="dot" aria-hidden="true"></span>` +
    `<span role="status" data-connection="connecting">${CONNECTION_TEXT.connecting}</span></span>`
  );
}

export function endedHtml(blog: Pick<BlogDTO, "endedAt">): string {
  const at = blog.endedAt ? ` at ${timeHtml(blog.endedAt)}` : "";
  return `<p class="ended-note" data-testid="ended"><strong>This live blog has ended</strong>${at}. No new updates will appear.</p>`;
}
