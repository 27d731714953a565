"use client";
// Times as readers see them. The server renders absolute UTC (it does not know the reader's zone, and a
// relative time would differ by the time the page hydrates); after hydration the browser switches to a
// relative time that keeps ticking, with the absolute time in the reader's zone on hover and for
// assistive technology.
import { absoluteTime, clockTime, relativeTime, shortDate } from "./relative-time";
import { useNow } from "./shared-clock";

export function RelativeTime({ iso, className }: { iso: string; className?: string }) {
  const now = useNow();
  const instant = new Date(iso);
  const full = now === null ? absoluteTime(instant, "UTC") : absoluteTime(instant, undefined);
  return (
    <time dateTime={iso} title={full} aria-label={full} className={`tabular-nums ${className ?? ""}`}>
      {now === null ? `${clockTime(instant, "UTC")} UTC` : relativeTime(instant, new Date(now), undefined)}
    </time>
  );
}

/** A fixed moment (when a blog ended): "25 Oct, 14:05" in the reader's zone, UTC on the server. */
export function LocalDateTime({ iso }: { iso: string }) {
  const now = useNow();
  const instant = new Date(iso);
  const zone = now === null ? "UTC" : undefined;
  const full = absoluteTime(instant, zone);
  return (
    <time dateTime={iso} title={full} aria-label={full} className="tabular-nums">
      {shortDate(instant, new Date(now ?? instant.getTime()), zone)}
      {zone ? " UTC" : ""}
    </time>
  );
}
