// What the page holds while it is not live, in the words of the connection bar. Pure, and zone-explicit
// so it is tested with fixed instants.
import { clockTime, type TimeZone } from "./relative-time";
import type { LiveConnection } from "./use-blog-events";

/** "Offline · showing updates up to 14:05 · reconnecting"; null while the page is (or is becoming) live. */
export function connectionMessage(
  { state, syncedAt }: Omit<LiveConnection, "readers">,
  timeZone: TimeZone,
): string | null {
  const upTo = syncedAt === null ? "" : ` · showing updates up to ${clockTime(new Date(syncedAt), timeZone)}`;
  switch (state) {
    case "connecting":
    case "live":
      return null;
    case "reconnecting":
      return `Reconnecting…${upTo}`;
    case "offline":
      // The subscription tries again by itself (at once when the browser is back online).
      return `Offline${upTo} · reconnecting`;
  }
}
