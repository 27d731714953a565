// The one place absolute URLs start from: PUBLIC_URL when it is set, else the origin the request was
// addressed to, as server/index.ts decided it (forwarded headers only behind a trusted proxy: server/http/origin.ts).
import { originFrom } from "../http/origin";

interface HeaderReader {
  get(name: string): string | null;
}

/** "https://news.example" (no trailing slash, no path). */
export function publicOriginOf(publicUrl: string | undefined, headers: HeaderReader): string {
  return publicUrl ? new URL(publicUrl).origin : originFrom(headers);
}
