"use client";
import { absoluteTime, datedTime, zonedTime } from "./relative-time";
import { useNow } from "./shared-clock";

// The newsroom's times: the clock time with its zone named ("14:05 GMT"), dated when it is not today
// (a draft from yesterday, a post scheduled for tomorrow). The server does not know the reader's zone,
// so it renders a dated UTC time and the browser swaps in its own zone after hydration.
export function EntryTime({ iso }: { iso: string }) {
  const now = useNow();
  const instant = new Date(iso);
  const label = now === null ? datedTime(instant, instant, "UTC") : zonedTime(instant, new Date(now), undefined);
  const full = absoluteTime(instant, now === null ? "UTC" : undefined);
  return (
    <time dateTime={iso} title={full} className="tabular-nums">
      {label}
    </time>
  );
}
