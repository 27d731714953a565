"use client";
// How live the page is, in words (and a dot that is never the only signal), and who else is reading.
import { clockTime } from "./relative-time";
import type { LiveConnection } from "./use-blog-events";

const DOT: Record<LiveConnection["state"], string> = {
  connecting: "bg-neutral-400",
  live: "bg-green-600 dark:bg-green-400",
  reconnecting: "bg-amber-500",
  offline: "bg-neutral-500",
};

function describe({ state, syncedAt }: LiveConnection): string {
  switch (state) {
    case "connecting":
      return "Connecting…";
    case "live":
      return "Live";
    case "reconnecting":
      return "Reconnecting…";
    case "offline":
      return syncedAt === null
        ? "Offline"
        : `Offline — showing updates up to ${clockTime(new Date(syncedAt), undefined)}`;
  }
}

export function ConnectionStatus({ connection }: { connection: LiveConnection }) {
  return (
    <>
      <span className="inline-flex items-center gap-1.5 text-xs text-neutral-700 dark:text-neutral-300">
        <span aria-hidden className={`h-2 w-2 shrink-0 rounded-full ${DOT[connection.state]}`} />
        <span role="status" data-connection={connection.state}>
          {describe(connection)}
        </span>
      </span>
      {connection.state === "live" && connection.readers !== null && (
        <span data-testid="readers" className="text-xs text-neutral-700 dark:text-neutral-300">
          {connection.readers} reading now
        </span>
      )}
    </>
  );
}
