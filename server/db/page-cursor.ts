// Opaque "before" cursors for newest-first pages: the position (time, id) of the last row seen.
// The kind names the ordering (entries by publishedAt, audit events by createdAt),
// so a cursor from one list is refused by another instead of silently skipping rows.
import { AppError } from "@/common/app-error";
import type { StreamGroup, StreamPosition } from "@/common/newsroom-stream";

export type CursorKind = "published" | "audit";

const PREFIX: Record<CursorKind, string> = { published: "", audit: "a" };

export function encodePageCursor(kind: CursorKind, at: Date, id: string): string {
  return Buffer.from(`${PREFIX[kind]}${at.getTime()}.${id}`).toString("base64url");
}

export function decodePageCursor(kind: CursorKind, cursor: string): { at: Date; id: string } {
  const text = Buffer.from(cursor, "base64url").toString("utf8");
  const match = /^([a-z]?)(\d{1,15})\.([A-Za-z0-9_-]{1,64})$/.exec(text);
  if (!match?.[2] || !match[3] || match[1] !== PREFIX[kind]) {
    throw new AppError("BAD_REQUEST", "before: not a valid cursor (use nextCursor from the previous page)");
  }
  return { at: new Date(Number(match[2])), id: match[3] };
}

/** Cuts the `limit + 1` rows a newest-first query fetched into one page and the cursor of the next. */
export function toPage<Row extends { id: string }>(
  rows: Row[],
  limit: number,
  kind: CursorKind,
  positionOf: (row: Row) => Date | null,
): { page: Row[]; nextCursor: string | null } {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const at = last ? positionOf(last) : null;
  return { page, nextCursor: rows.length > limit && last && at ? encodePageCursor(kind, at, last.id) : null };
}

/** The newsroom stream's cursor: the group, time and id of the last entry seen (common/newsroom-stream.ts). */
export function encodeStreamCursor({ group, at, id }: StreamPosition): string {
  return Buffer.from(`s${group}.${at}.${id}`).toString("base64url");
}

export function decodeStreamCursor(cursor: string): StreamPosition {
  const text = Buffer.from(cursor, "base64url").toString("utf8");
  const match = /^s([012])\.(\d{1,15})\.([A-Za-z0-9_-]{1,64})$/.exec(text);
  if (!match?.[1] || !match[2] || !match[3]) {
    throw new AppError("BAD_REQUEST", "before: not a valid cursor (use nextCursor from the previous page)");
  }
  return { group: Number(match[1]) as StreamGroup, at: Number(match[2]), id: match[3] };
}
