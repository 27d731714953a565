// The per-blog event log: appended inside each change's transaction, replayed to clients that missed it.
import type { BlogEvent, BlogEventPayload, BlogEventType, EventsPage } from "../contracts/events";
import { loadConfig } from "../config";
import { AppError } from "../errors";
import type { Db, Tx } from "./types";
import { isRecordNotFound } from "./unique-violation";

let retention: number | undefined;
/** EVENT_LOG_RETENTION, read once. (Next.js bundles its own copy of this module, so it is not passed in at start.) */
function eventLogRetention(): number {
  retention ??= loadConfig().eventLogRetention;
  return retention;
}

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
  const { seq } = await tx.blog.update({ where: { id: blogId }, data: { seq: { increment: 1 } }, select: { seq: true } });
  return recordEvent(tx, blogId, { type, payload: build(seq) } as BlogEvent);
}

/**
 * Takes the next sequence number of the live blog with this slug: one statement that finds the blog, checks
 * it is live, numbers the event and write-locks the row until the transaction ends. Null when there is no
 * live blog by that slug (the caller says which: missing or ended).
 */
export async function takeNextSeq(tx: Tx, slug: string): Promise<{ id: string; seq: number; status: "LIVE" | "ENDED" } | null> {
  try {
    return await tx.blog.update({ where: { slug, status: "LIVE" }, data: { seq: { increment: 1 } }, select: { id: true, seq: true, status: true } });
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

/** Writes an event whose seq the caller already took from the blog row, in the same transaction. */
export async function recordEvent(tx: Tx, blogId: string, event: BlogEvent): Promise<BlogEvent> {
  await tx.blogEvent.create({ data: { blogId, seq: event.payload.seq, type: event.type, payload: JSON.stringify(event.payload) } });
  await pruneEventLog(tx, blogId, event.payload.seq, eventLogRetention());
  return event;
}

/**
 * The events after `since`, oldest first. When the log no longer holds the event right after `since`
 * (pruned, see EVENT_LOG_RETENTION), a replay would silently skip changes: that is a 410 GONE carrying
 * the blog's seq, and the client reloads the page instead.
 */
export async function replayEventsSince(db: Db, slug: string, since: number, limit = 500): Promise<EventsPage> {
  const blog = await db.blog.findUnique({ where: { slug }, select: { id: true, seq: true } });
  if (!blog) throw new AppError("NOT_FOUND", `no blog with slug "${slug}"`);
  if (since < blog.seq) {
    const oldest = await db.blogEvent.findFirst({ where: { blogId: blog.id }, orderBy: { seq: "asc" }, select: { seq: true } });
    if (!oldest || oldest.seq > since + 1) {
      throw new AppError("GONE", `events after ${since} are no longer kept; reload the blog (its seq is ${blog.seq})`, { seq: blog.seq });
    }
  }
  const rows = await db.blogEvent.findMany({
    where: { blogId: blog.id, seq: { gt: since } },
    orderBy: { seq: "asc" },
    take: limit + 1,
  });
  const page = rows.slice(0, limit);
  return {
    events: page.map((row) => ({ type: row.type, payload: JSON.parse(row.payload) }) as BlogEvent),
    // Events may have committed after the blog row was read.
    seq: Math.max(blog.seq, page.at(-1)?.seq ?? 0),
    hasMore: rows.length > limit,
  };
}
