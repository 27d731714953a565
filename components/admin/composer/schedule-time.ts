// The schedule picker's times. A datetime-local input has no zone: its value is read in the browser's zone.

/** "2026-11-26T14:05:09" in the browser's zone, as a datetime-local input's value or min. */
export function localInputValue(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}

/** What the picker offers when it first opens: an hour from now, to the minute. */
export function defaultScheduleValue(now: Date): string {
  return localInputValue(new Date(now.getTime() + 60 * 60_000)).slice(0, 16);
}

/** The picker's value as the time to send, or what is wrong with it. */
export function scheduledAtFrom(value: string, now: Date): { scheduledAt: string } | { error: string } {
  const when = new Date(value);
  if (!value || Number.isNaN(when.getTime())) return { error: "Pick a date and time." };
  if (when.getTime() <= now.getTime()) return { error: "Pick a time in the future." };
  return { scheduledAt: when.toISOString() };
}
