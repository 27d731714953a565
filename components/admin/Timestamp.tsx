"use client";
import { useHydrated } from "@/components/ui/use-hydrated";

// The server renders UTC (it does not know the newsroom's time zone); the browser swaps in local time.
function format(iso: string, timeZone?: string): string {
  return new Intl.DateTimeFormat("en-GB", {
    day: "numeric",
    month: "short",
    hour: "2-digit",
    minute: "2-digit",
    timeZone,
  }).format(new Date(iso));
}

export function Timestamp({ iso, empty = "—" }: { iso: string | null; empty?: string }) {
  const local = useHydrated();
  if (!iso) return <span className="text-neutral-600 dark:text-neutral-400">{empty}</span>;
  return (
    <time
      dateTime={iso}
      title={new Date(iso).toISOString().replace("T", " ").slice(0, 19) + " UTC"}
      className="tabular-nums"
    >
      {local ? format(iso) : `${format(iso, "UTC")} UTC`}
    </time>
  );
}
