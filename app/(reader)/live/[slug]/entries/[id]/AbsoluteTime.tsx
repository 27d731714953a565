"use client";
import { useEffect, useState } from "react";

// Date and time in full, since a linked update may be days old. The server renders UTC (it does not know
// the reader's time zone); the browser swaps in local time with its zone name.
function format(iso: string, timeZone?: string): string {
  return new Intl.DateTimeFormat("en-GB", {
    weekday: "long",
    day: "numeric",
    month: "long",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZone,
    timeZoneName: "short",
  }).format(new Date(iso));
}

export function AbsoluteTime({ iso }: { iso: string }) {
  const [label, setLabel] = useState(() => format(iso, "UTC"));
  useEffect(() => setLabel(format(iso)), [iso]);
  return (
    <time dateTime={iso} data-testid="absolute-time" className="tabular-nums">
      {label}
    </time>
  );
}
