"use client";
// Times as readers see them. The server renders a dated UTC time (it does not know the reader's zone, and
// a relative time would differ by the time the page hydrates); after hydration the browser switches to
// the reader's zone, named, with a relative time that keeps ticking, and the full time on hover and for
// assistive technology.
import { absoluteTime, datedTime, entryTime, relativeTime, zonedTime } from "./relative-time";
import { useNow } from "./shared-clock";

/** What the server and a hydrating browser show: the same text on both, so no hydration mismatch. */
const serverText = (instant: Date) => datedTime(instant, instant, "UTC");

/**
 * An entry's time: "3 h ago · 14:05 GMT" today, "Thu 3 Dec, 14:05 GMT" before. `relativeOnly` drops the
 * clock from today's times ("updated 3 min ago"), where the clock would say nothing a reader needs.
 */
export function RelativeTime({
  iso,
  className,
  relativeOnly = false,
}: {
  iso: string;
  className?: string;
  relativeOnly?: boolean;
}) {
  const now = useNow();
  const instant = new Date(iso);
  const full = now === null ? absoluteTime(instant, "UTC") : absoluteTime(instant, undefined);
  let text = serverText(instant);
  if (now !== null)
    text = relativeOnly
      ? relativeTime(instant, new Date(now), undefined)
      : entryTime(instant, new Date(now), undefined);
  return (
    <time dateTime={iso} title={full} aria-label={full} className={`tabular-nums ${className ?? ""}`}>
      {text}
    </time>
  );
}

/** A fixed moment (when a blog ended): "14:05 GMT" today, "Thu 3 Dec, 14:05 GMT" before, in the reader's zone. */
export function LocalDateTime({ iso }: { iso: string }) {
  const now = useNow();
  const instant = new Date(iso);
  const full = now === null ? absoluteTime(instant, "UTC") : absoluteTime(instant, undefined);
  return (
    <time dateTime={iso} title={full} aria-label={full} className="tabular-nums">
      {now === null ? serverText(instant) : zonedTime(instant, new Date(now), undefined)}
    </time>
  );
}
