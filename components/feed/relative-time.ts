// How an entry's time reads: "just now", "3 min ago", "2 h ago" (same day), "Yesterday 23:50", then a date.
// Pure and zone-explicit so it is tested with fixed instants: elapsed time is real time (a DST change
// does not add or lose an hour), and "today"/"yesterday" are calendar days in the reader's zone.

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** The reader's zone (the browser's), or an explicit one in tests. */
export type TimeZone = string | undefined;

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(
  timeZone: TimeZone,
  options: Intl.DateTimeFormatOptions,
  locale = DEFAULT_LOCALE,
): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone ?? ""}|${JSON.stringify(options)}`;
  let cached = formatters.get(key);
  if (!cached) formatters.set(key, (cached = new Intl.DateTimeFormat(locale, { ...options, timeZone })));
  return cached;
}

/** Names the parts of dates and zones ("Thu", "Dec", "GMT+1"); the clock is always 24-hour. */
const DEFAULT_LOCALE = "en-GB";

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

/** The pieces of an instant on the wall clock of a zone, with the zone's short name ("GMT", "CET", "GMT-5"). */
function zonedParts(instant: Date, timeZone: TimeZone, locale: string): Record<string, string> {
  const parts = formatter(
    timeZone,
    {
      weekday: "short",
      day: "numeric",
      month: "short",
      year: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
      timeZoneName: "short",
    },
    locale,
  ).formatToParts(instant);
  return Object.fromEntries(parts.map((part) => [part.type, part.value]));
}

/**
 * A clock time with its zone named, dated unless it is today in that zone: "14:05 GMT" today,
 * "Thu 3 Dec, 14:05 GMT" another day, "Thu 3 Dec 2025, 14:05 GMT" another year (past or future).
 */
export function zonedTime(instant: Date, now: Date, timeZone: TimeZone, locale = DEFAULT_LOCALE): string {
  if (dayNumber(instant, timeZone) !== dayNumber(now, timeZone)) return datedTime(instant, now, timeZone, locale);
  const at = zonedParts(instant, timeZone, locale);
  return `${at.hour}:${at.minute} ${at.timeZoneName}`;
}

/**
 * Always dated: "Thu 3 Dec, 14:05 GMT", with the year when it is not `now`'s. The server renders this in
 * UTC (with `now` = the instant itself, since it has no "now" the browser would agree with).
 */
export function datedTime(instant: Date, now: Date, timeZone: TimeZone, locale = DEFAULT_LOCALE): string {
  const at = zonedParts(instant, timeZone, locale);
  const year = at.year === zonedParts(now, timeZone, locale).year ? "" : ` ${at.year}`;
  return `${at.weekday} ${at.day} ${at.month}${year}, ${at.hour}:${at.minute} ${at.timeZoneName}`;
}

/**
 * How an entry's time reads to a reader: "3 h ago · 14:05 GMT" the same day (entries speak in clock
 * times, "by 8pm", so the clock is always there), "Thu 3 Dec, 14:05 GMT" from an earlier day. Days are
 * calendar days in the reader's zone; elapsed time is real time.
 */
export function entryTime(iso: string | Date, now: Date, timeZone: TimeZone, locale = DEFAULT_LOCALE): string {
  const instant = new Date(iso);
  const elapsed = now.getTime() - instant.getTime();
  const zoned = zonedTime(instant, now, timeZone, locale);
  // A clock slightly behind the server's makes brand-new entries look like the future: still "just now".
  if (elapsed < MINUTE) return `just now · ${zoned}`;
  if (dayNumber(instant, timeZone) !== dayNumber(now, timeZone)) return zoned;
  if (elapsed < HOUR) return `${Math.floor(elapsed / MINUTE)} min ago · ${zoned}`;
  return `${Math.floor(elapsed / HOUR)} h ago · ${zoned}`;
}
