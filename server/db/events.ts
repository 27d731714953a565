// The per-blog event log: appended inside each change's transaction, replayed to clients that missed it.
//
// The log holds references (seq, type, which entry), never content. A replay reads every entry it
// names as that entry is now and sends one event per entry: its current version, or its deletion when
// readers may no longer see it (deleted, taken back to draft, scheduled). So a headline edited away, an
// entry unpublished or deleted is gone from every replay, over HTTP and on join, the moment the change
// commits; the log is how a reader catches up, not an archive of what was once said.
import type { BlogStatus } from "@/common/contracts/dto";
import type { BlogEvent, BlogEventPayload, BlogEventType, EventsPage } from "@/common/contracts/events";
import { AppError } from "@/common/app-error";
import { entryInclude, toBlogDTO, toEntryDTO, visibleToReaders, type EntryRow } from "./to-dto";
import { pinnedIdsOf } from "./pin-order";
import { dataSettingsOf } from "./settings";
import type { Db, Tx } from "./types";
import { isRecordNotFound } from "./unique-violation";

/**
 * Takes the blog's next sequence number and records the event, in the caller's transaction.
 * The row update on the blog serializes concurrent writers, so seq never repeats or goes back.
 */
export async function appendEvent<T extends BlogEventType>(
  tx: Tx,
  blogId: string,
  type: T,
  build: (seq: number) => BlogEventPayload<T>,
): Promise<BlogEvent> {
  const { seq } = await tx.blog.update({
    where: { id: blogId },
    data: { seq: { increment: 1 } },
    select: { seq: true },
  });
  return recordEvent(tx, blogId, { type, payload: build(seq) } as BlogEvent);
}

/**
 * Takes the next sequence number of the live blog with this slug: one statement that finds the blog, checks
 * it is live, numbers the event and write-locks the row until the transaction ends. Null when there is no
 * live blog by that slug (the caller says which: missing or ended).
 */
export async function takeNextSeq(
  tx: Tx,
  slug: string,
): Promise<{ id: string; seq: number; status: BlogStatus } | null> {
  try {
    return await tx.blog.update({
      where: { slug, status: "LIVE" },
      data: { seq: { increment: 1 } },
      select: { id: true, seq: true, status: true },
    });
  } catch (error) {
    if (isRecordNotFound(error)) return null;
    throw error;
  }
}

/**
 * Keeps the newest `keep` events of a blog whose newest seq is `newest`. Run in every append's
 * transaction: a range delete on the primary key that removes one row once the log is full, none before.
 */
export async function pruneEventLog(tx: Tx | Db, blogId: string, newest: number, keep: number): Promise<number> {
  if (newest <= keep) return 0;
  const { count } = await tx.blogEvent.deleteMany({ where: { blogId, seq: { lte: newest - keep } } });
  return count;
}

/** The entry an event is about (null for the blog's own events). */
export function entryIdOf(event: BlogEvent): string | null {
  switch (event.type) {
    case "entry:deleted":
      return event.payload.id;
    case "blog:updated":
    case "pins:reordered":
      return null;
    case "entry:published":
    case "entry:updated":
    case "entry:pinned":
    case "entry:unpinned":
      return event.payload.entry.id;
  }
}

/**
 * Logs an event whose seq the caller already took from the blog row, in the same transaction: its reference, not
 * its content. The log keeps the newest events of the blog, as many as the client's settings say (EVENT_LOG_RETENTION).
 */
export async function recordEvent(tx: Tx, blogId: string, event: BlogEvent): Promise<BlogEvent> {
  await tx.blogEvent.create({ data: { blogId, seq: event.payload.seq, type: event.type, entryId: entryIdOf(event) } });
  await pruneEventLog(tx, blogId, event.payload.seq, dataSettingsOf(tx).eventLogRetention);
  return event;
}

export interface ReplayLimits {
  /** Log rows one page reaches over at most. */
  limit?: number;
  /**
   * About how many bytes of entries one page may carry: a page ends before the entry that would take it
   * past this (it always carries at least one, so paging moves on).
   */
  maxBytes?: number;
}

/** What the blog itself counts as in a page (its title and summary are bounded by the schemas). */
const BLOG_SUBJECT = "";
/** The order of the pinned entries (no entry id starts with "#"), replayed as it is now: at most 100 ids. */
const PINS_SUBJECT = "#pins";
const PINS_BYTES = 3_000;
const BLOG_BYTES = 3_000;
/** JSON around an entry's text: ids, dates, author, flags. */
const ENTRY_OVERHEAD_BYTES = 500;

/**
 * What changed after `since`: one event per entry touched (its current version, or its deletion when
 * readers may no longer see it) and one for the blog, oldest change first, each carrying the seq of the
 * last change it stands for. Applying the page takes a client from `since` to `page.seq`; the seqs in
 * between that it does not mention are covered by it (see EventSequencer.applyPage).
 *
 * When the log no longer holds the event right after `since` (pruned, see EVENT_LOG_RETENTION), a replay
 * would silently skip changes: that is a 410 GONE carrying the blog's seq, and the client reloads instead.
 */
export async function replayEventsSince(
  db: Db,
  slug: string,
  since: number,
  { limit = 500, maxBytes = 1_000_000 }: ReplayLimits = {},
): Promise<EventsPage> {
  const blog = await db.blog.findUnique({ where: { slug }, select: { id: true, seq: true } });
  if (!blog) throw new AppError("NOT_FOUND", `no blog with slug "${slug}"`);
  if (since < blog.seq) {
    const oldest = await db.blogEvent.findFirst({
      where: { blogId: blog.id },
      orderBy: { seq: "asc" },
      select: { seq: true },
    });
    if (!oldest || oldest.seq > since + 1) {
      throw new AppError("GONE", `events after ${since} are no longer kept; reload the blog (its seq is ${blog.seq})`, {
        seq: blog.seq,
      });
    }
  }
  const rows = await db.blogEvent.findMany({
    where: { blogId: blog.id, seq: { gt: since } },
    orderBy: { seq: "asc" },
    take: limit + 1,
    select: { seq: true, type: true, entryId: true },
  });
  let hasMore = rows.length > limit;
  const window = rows.slice(0, limit);
  // Read after the log, so each entry is at least as new as the last change the page says it stands for.
  const entryIds = [...new Set(window.flatMap((row) => (row.entryId ? [row.entryId] : [])))];
  const subjectOf = (row: { type: string; entryId: string | null }) =>
    row.entryId ?? (row.type === "pins:reordered" ? PINS_SUBJECT : BLOG_SUBJECT);
  const [entries, current, pinOrder] = await Promise.all([
    // Only what readers may see; any other entry the page names is replayed as its deletion.
    entryIds.length > 0
      ? db.entry.findMany({
          where: { id: { in: entryIds }, blogId: blog.id, ...visibleToReaders },
          include: entryInclude,
        })
      : [],
    window.some((row) => subjectOf(row) === BLOG_SUBJECT)
      ? db.blog.findUniqueOrThrow({ where: { id: blog.id } })
      : null,
    window.some((row) => subjectOf(row) === PINS_SUBJECT) ? pinnedIdsOf(db, blog.id) : null,
  ]);
  const rowsById = new Map(entries.map((row) => [row.id, row]));

  // Which entries (and the blog) the page stands for, up to where it ends.
  const subjects = new Map<string, { seq: number; published: boolean }>();
  let bytes = 0;
  let end = since;
  for (const row of window) {
    const key = subjectOf(row);
    let subject = subjects.get(key);
    if (!subject) {
      const size = key === BLOG_SUBJECT ? BLOG_BYTES : key === PINS_SUBJECT ? PINS_BYTES : sizeOf(rowsById.get(key));
      if (subjects.size > 0 && bytes + size > maxBytes) {
        hasMore = true;
        break;
      }
      bytes += size;
      subject = { seq: row.seq, published: false };
      subjects.set(key, subject);
    }
    subject.seq = row.seq;
    if (row.type === "entry:published") subject.published = true;
    end = row.seq;
  }

  const events: BlogEvent[] = [];
  for (const [key, { seq, published }] of subjects) {
    if (key === BLOG_SUBJECT) {
      events.push({ type: "blog:updated", payload: { blog: slug, seq, details: toBlogDTO(current!) } });
      continue;
    }
    if (key === PINS_SUBJECT) {
      events.push({ type: "pins:reordered", payload: { blog: slug, seq, order: pinOrder! } });
      continue;
    }
    const row = rowsById.get(key);
    if (row) {
      events.push({
        type: published ? "entry:published" : "entry:updated",
        payload: { blog: slug, seq, entry: toEntryDTO(row) },
      });
    } else {
      events.push({ type: "entry:deleted", payload: { blog: slug, seq, id: key } });
    }
  }
  events.sort((a, b) => a.payload.seq - b.payload.seq);
  // Events may have committed after the blog row was read; a page cut short ends where it was cut.
  return { events, seq: hasMore ? end : Math.max(blog.seq, end), hasMore };
}

function sizeOf(row: EntryRow | undefined): number {
  return row ? row.body.length + (row.headline?.length ?? 0) + ENTRY_OVERHEAD_BYTES : ENTRY_OVERHEAD_BYTES;
}
