"use client";
import { useHydrated } from "@/components/ui/use-hydrated";

// The server does not know the reader's time zone, so it renders UTC and the browser swaps in local time.
function format(iso: string, timeZone?: string): string {
  return new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", timeZone }).format(new Date(iso));
}

export function EntryTime({ iso }: { iso: string }) {
  const label = useHydrated() ? format(iso) : `${format(iso, "UTC")} UTC`;
  const full = new Date(iso).toISOString().replace("T", " ").slice(0, 16) + " UTC";
  return (
    <time dateTime={iso} title={full} className="tabular-nums">
      {label}
    </time>
  );
}
