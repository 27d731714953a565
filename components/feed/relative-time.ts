// How an entry's time reads: "just now", "3 min ago", "2 h ago" (same day), "Yesterday 23:50", then a date.
// Pure and zone-explicit so it is tested with fixed instants: elapsed time is real time (a DST change
// does not add or lose an hour), and "today"/"yesterday" are calendar days in the reader's zone.

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** The reader's zone (the browser's), or an explicit one in tests. */
export type TimeZone = string | undefined;

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: TimeZone, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${timeZone ?? ""}|${JSON.stringify(options)}`;
  let cached = formatters.get(key);
  if (!cached) formatters.set(key, (cached = new Intl.DateTimeFormat("en-GB", { ...options, timeZone })));
  return cached;
}

/** The calendar day of an instant in a zone, as a day number (days since 1970-01-01 of that calendar). */
function dayNumber(instant: Date, timeZone: TimeZone): number {
  const parts = formatter(timeZone, { year: "numeric", month: "numeric", day: "numeric" }).formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return Math.round(Date.UTC(get("year"), get("month") - 1, get("day")) / (24 * HOUR));
}

/** "23:50" in the zone, 24-hour clock. */
export function clockTime(instant: Date, timeZone: TimeZone): string {
  return formatter(timeZone, { hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(instant);
}

/** "Sunday, 25 October 2026 at 01:30 GMT": for the title and the accessible name. */
export function absoluteTime(instant: Date, timeZone: TimeZone): string {
  return formatter(timeZone, {
    weekday: "long",
    day: "numeric",
    month: "long",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
    timeZoneName: "short",
  }).format(instant);
}

/** "25 Oct, 14:05", with the year when it is not the current one: for times older than yesterday. */
export function shortDate(instant: Date, now: Date, timeZone: TimeZone): string {
  const sameYear =
    formatter(timeZone, { year: "numeric" }).format(instant) === formatter(timeZone, { year: "numeric" }).format(now);
  const date = formatter(
    timeZone,
    sameYear ? { day: "numeric", month: "short" } : { day: "numeric", month: "short", year: "numeric" },
  ).format(instant);
  return `${date}, ${clockTime(instant, timeZone)}`;
}

export function relativeTime(instant: Date, now: Date, timeZone: TimeZone): string {
  const elapsed = now.getTime() - instant.getTime();
  // A clock slightly behind the server's makes brand-new entries look like the future: still "just now".
  if (elapsed < MINUTE) return "just now";
  if (elapsed < HOUR) return `${Math.floor(elapsed / MINUTE)} min ago`;
  const days = dayNumber(now, timeZone) - dayNumber(instant, timeZone);
  if (days === 0) return `${Math.floor(elapsed / HOUR)} h ago`;
  if (days === 1) return `Yesterday ${clockTime(instant, timeZone)}`;
  return shortDate(instant, now, timeZone);
}
