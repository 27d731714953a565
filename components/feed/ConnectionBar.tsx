"use client";
// A small bar pinned to the top of the viewport, for the reader scrolled anywhere: what the page holds
// while it is not live ("Offline · showing updates up to 14:05 · reconnecting"), and the "N new updates"
// button while entries wait above the reader. It is fixed, so appearing moves nothing (no layout shift),
// and it sits in the DOM just before the stream, where keyboard users expect the button. Changes of the
// connection are said once through the page's polite announcer; the bar itself is not a live region.
import { useEffect, useRef } from "react";
import { useAnnounce } from "./announcer";
import { connectionMessage } from "./connection-message";
import type { LiveConnection } from "./use-blog-events";

export const newUpdates = (count: number) => `${count} new update${count === 1 ? "" : "s"}`;

export function ConnectionBar({
  connection,
  waiting,
  onShowWaiting,
}: {
  /** null for an ended blog: it has no connection to speak of. */
  connection: LiveConnection | null;
  /** How many new entries wait behind the button (0: no button). */
  waiting: number;
  onShowWaiting: () => void;
}) {
  useAnnounceConnection(connection);
  const message = connection && connectionMessage(connection, undefined);
  if (!message && waiting === 0) return null;
  return (
    <div className="pointer-events-none fixed inset-x-0 top-2 z-30 flex justify-center px-2">
      <div
        data-testid="connection-bar"
        data-connection-bar={connection?.state}
        className="pointer-events-auto flex max-w-full flex-wrap items-center justify-center gap-x-3 gap-y-1 rounded-2xl bg-neutral-900 px-3 py-1.5 text-xs text-white sm:text-sm shadow-lg dark:bg-neutral-100 dark:text-neutral-900"
      >
        {message && <span data-testid="connection-message">{message}</span>}
        {waiting > 0 && (
          <button
            type="button"
            onClick={onShowWaiting}
            className="inline-flex items-center gap-2 rounded-full bg-accent px-3 py-1 font-semibold text-white hover:bg-accent-strong focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-blue-400 dark:focus-visible:outline-blue-700"
          >
            <span aria-hidden>↑</span>
            {newUpdates(waiting)}
          </button>
        )}
      </div>
    </div>
  );
}

/** Says "Offline…" when the page loses the blog, and "Live again" when it is back; nothing for the first connection. */
function useAnnounceConnection(connection: LiveConnection | null) {
  const announce = useAnnounce();
  const state = connection?.state ?? null;
  const lost = useRef(false);
  const message = connection && connectionMessage(connection, undefined);
  useEffect(() => {
    if (state === "offline" && !lost.current) {
      lost.current = true;
      if (message) announce(message);
    } else if (state === "live" && lost.current) {
      lost.current = false;
      announce("Live again");
    }
  }, [state, message, announce]);
}
