// Opaque "before" cursors for entry pages: the position (publishedAt, id) of the last entry seen.
import { AppError } from "../errors";

export function encodeEntryCursor(publishedAt: Date, id: string): string {
  return Buffer.from(`${publishedAt.getTime()}.${id}`).toString("base64url");
}

export function decodeEntryCursor(cursor: string): { publishedAt: Date; id: string } {
  const text = Buffer.from(cursor, "base64url").toString("utf8");
  const match = /^(\d{1,15})\.([A-Za-z0-9_-]{1,64})$/.exec(text);
  if (!match?.[1] || !match[2]) throw new AppError("BAD_REQUEST", "before: not a valid cursor (use nextCursor from the previous page)");
  return { publishedAt: new Date(Number(match[1])), id: match[2] };
}
