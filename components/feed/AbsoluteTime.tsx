"use client";
import { useHydrated } from "@/components/ui/use-hydrated";
import { absoluteTime } from "@/components/feed/relative-time";

// Date and time in full, since a linked update may be days old. The server renders UTC (it does not know
// the reader's time zone); the browser swaps in local time with its zone name.
export function AbsoluteTime({ iso }: { iso: string }) {
  const label = absoluteTime(new Date(iso), useHydrated() ? undefined : "UTC");
  return (
    <time dateTime={iso} data-testid="absolute-time" className="tabular-nums">
      {label}
    </time>
  );
}
