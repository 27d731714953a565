"use client";
// The reader page's one live indicator: the blog's status and how live this page is, in a single badge.
// A live blog reads "Live" (the dot pulses once the page is connected), "Reconnecting…" or "Offline";
// an ended blog reads "Ended". The words always say it; the colour and the dot only repeat them.
import type { BlogStatus } from "@/common/contracts/dto";
import type { LiveConnection } from "./use-blog-events";

const BADGE = "inline-flex items-center gap-1.5 rounded px-2 py-0.5 text-xs font-bold uppercase tracking-wider";

const LOOK: Record<LiveConnection["state"], { label: string; badge: string; dot: string }> = {
  // Before the socket has joined the blog is still live; the dot only starts to pulse once the page is.
  connecting: { label: "Live", badge: "bg-accent text-white", dot: "bg-white/70" },
  live: { label: "Live", badge: "bg-accent text-white", dot: "animate-pulse bg-white motion-reduce:animate-none" },
  reconnecting: {
    label: "Reconnecting…",
    badge: "bg-amber-100 text-amber-950 ring-1 ring-amber-600 dark:bg-amber-950 dark:text-amber-100",
    dot: "bg-amber-600 dark:bg-amber-400",
  },
  offline: { label: "Offline", badge: "bg-neutral-700 text-white dark:bg-neutral-600", dot: "bg-neutral-300" },
};

export function LiveIndicator({ status, connection }: { status: BlogStatus; connection: LiveConnection }) {
  if (status === "ENDED") {
    return (
      <span data-testid="blog-status" className={`${BADGE} bg-neutral-600 text-white`}>
        Ended
      </span>
    );
  }
  const look = LOOK[connection.state];
  return (
    <>
      <span data-testid="blog-status" data-connection={connection.state} className={`${BADGE} ${look.badge}`}>
        <span aria-hidden className={`h-2 w-2 shrink-0 rounded-full ${look.dot}`} />
        {look.label}
      </span>
      {connection.state === "live" && connection.readers !== null && (
        <span data-testid="readers" className="text-xs text-neutral-700 dark:text-neutral-300">
          {connection.readers} reading now
        </span>
      )}
    </>
  );
}
