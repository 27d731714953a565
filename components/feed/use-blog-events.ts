"use client";
// Subscribes a page to one blog's live events (blog-subscription.ts does the work): joins with the seq the
// page was rendered at, applies each event once and in order, and fills gaps from the HTTP event log. Also
// says, honestly, how live the page is: connected and joined, trying to reconnect, or offline (the browser
// says so, or several attempts in a row failed), and since when the page has been known to be up to date.
// When the server no longer keeps the events the page missed (410 GONE, or a join acked with
// `reset: true`), it reloads the first page instead (see docs/reliability.md).
import { useEffect, useRef, useState } from "react";
import type { BlogEvent } from "@/common/contracts/events";
import { useLatest } from "@/components/ui/use-latest";
import { subscribeToBlog, type ConnectionState } from "./blog-subscription";
import { LiveSocket } from "./live-socket";
import type { FeedOrder, InitialFeed } from "@/common/contracts/dto";

export interface LiveConnection {
  state: ConnectionState;
  /** When the page was last known to hold every change (load, last event, last join, or losing a live socket); null before mount. */
  syncedAt: number | null;
  /** Readers watching this blog now (on this server node); null until the server says. */
  readers: number | null;
}

/**
 * `live: false` (an ended blog) opens no socket, and closes the one open when it turns false: an ended
 * blog gets no more updates, so there is nothing to reconnect for.
 */
export function useBlogEvents(
  slug: string,
  initialSeq: number,
  onEvent: (event: BlogEvent) => void,
  {
    live = true,
    onReset,
    order,
  }: {
    live?: boolean;
    /** The stream's order, for the fresh first page a reset loads. */
    order?: FeedOrder;
    /** The page missed more than the server's event log keeps: replace everything with this fresh first page. */
    onReset?: (fresh: InitialFeed) => void;
  } = {},
): LiveConnection {
  const [state, setState] = useState<ConnectionState>("connecting");
  const [syncedAt, setSyncedAt] = useState<number | null>(null);
  const [readers, setReaders] = useState<number | null>(null);
  const onEventRef = useLatest(onEvent);
  const onResetRef = useLatest(onReset);
  // Survives the effect re-running (development's double effects), so nothing is applied twice.
  const appliedSeq = useRef(initialSeq);

  useEffect(() => {
    if (!live) return;
    const socket = new LiveSocket();
    const subscription = subscribeToBlog({
      slug,
      seq: appliedSeq.current,
      socket,
      onEvent: (event) => onEventRef.current(event),
      onReset: (fresh) => onResetRef.current?.(fresh),
      order,
      onState: setState,
      onReaders: setReaders,
      onSynced: () => setSyncedAt(Date.now()),
      isOnline: () => navigator.onLine,
    });

    // The browser knows when there is no network at all: say so at once and stop trying until it is back.
    const onOffline = () => subscription.offline();
    const onOnline = () => subscription.online();
    window.addEventListener("offline", onOffline);
    window.addEventListener("online", onOnline);
    return () => {
      window.removeEventListener("offline", onOffline);
      window.removeEventListener("online", onOnline);
      appliedSeq.current = subscription.seq;
      subscription.close();
    };
  }, [slug, live, order, onEventRef, onResetRef]);

  return { state, syncedAt, readers };
}
