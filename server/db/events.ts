// The per-blog event log: appended inside each change's transaction, replayed to clients that missed it.
import type { BlogEvent, BlogEventPayload, BlogEventType, EventsPage } from "../contracts/events";
import { AppError } from "../errors";
import type { Db, Tx } from "./types";

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

/** Writes an event whose seq the caller already took from the blog row, in the same transaction. */
export async function recordEvent(tx: Tx, blogId: string, event: BlogEvent): Promise<BlogEvent> {
  await tx.blogEvent.create({ data: { blogId, seq: event.payload.seq, type: event.type, payload: JSON.stringify(event.payload) } });
  return event;
}

export async function replayEventsSince(db: Db, slug: string, since: number, limit = 500): Promise<EventsPage> {
  const blog = await db.blog.findUnique({ where: { slug }, select: { id: true, seq: true } });
  if (!blog) throw new AppError("NOT_FOUND", `no blog with slug "${slug}"`);
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
