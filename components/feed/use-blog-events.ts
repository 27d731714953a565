"use client";
// Subscribes a page to one blog's live events: joins with the seq the page was rendered at, applies
// each event once and in order, and fills gaps from the HTTP event log. Also says, honestly, how live
// the page is: connected and joined, trying to reconnect, or offline (the browser says so, or several
// attempts in a row failed), and since when the page has been known to be up to date.
// When the server no longer keeps the events the page missed (410 GONE, or a join acked with
// `reset: true`), it reloads the first page instead (see docs/reliability.md).
import { useEffect, useRef, useState } from "react";
import { io, type Socket } from "socket.io-client";
import type { BlogEvent, ClientToServerEvents, EventsPage, ReaderServerEvents } from "@/server/contracts/events";
import { BLOG_EVENT_TYPES } from "@/server/contracts/events";
import { EventSequencer } from "./event-sequencer";
import type { InitialFeed } from "./feed-state";
import { loadFirstPage } from "./first-page";

export type ConnectionState = "connecting" | "live" | "reconnecting" | "offline";

export interface LiveConnection {
  state: ConnectionState;
  /** When the page was last known to hold every change (load, last event, last join, or losing a live socket); null before mount. */
  syncedAt: number | null;
  /** Readers watching this blog now (on this server node); null until the server says. */
  readers: number | null;
}

type ReaderSocket = Socket<ReaderServerEvents, ClientToServerEvents>;

// How long an out-of-order event may wait for the missing ones before we fetch them.
const GAP_WAIT_MS = 300;
/** After this many failed connection attempts in a row the page says it is offline (it keeps trying). */
export const FAILED_ATTEMPTS_BEFORE_OFFLINE = 3;
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
  }: {
    live?: boolean;
    /** The page missed more than the server's event log keeps: replace everything with this fresh first page. */
    onReset?: (fresh: InitialFeed) => void;
  } = {},
): LiveConnection {
  const [state, setState] = useState<ConnectionState>("connecting");
  const [syncedAt, setSyncedAt] = useState<number | null>(null);
  const [readers, setReaders] = useState<number | null>(null);
  const onEventRef = useRef(onEvent);
  onEventRef.current = onEvent;
  const onResetRef = useRef(onReset);
  onResetRef.current = onReset;
  // Survives the effect re-running (development's double effects), so nothing is applied twice.
  const appliedSeq = useRef(initialSeq);

  useEffect(() => {
    if (!live) return;
    const markSynced = () => setSyncedAt(Date.now());
    markSynced();
    const sequencer = new EventSequencer(appliedSeq.current, (event) => {
      appliedSeq.current = event.payload.seq;
      markSynced();
      onEventRef.current(event);
    });
    const socket: ReaderSocket = io({ transports: ["websocket", "polling"], autoConnect: false });
    let gapTimer: ReturnType<typeof setTimeout> | undefined;
    let fetching = false;
    let refreshing = false;
    let failedAttempts = 0;
    let joined = false;

    // The log no longer holds what we missed: reload the first page, then carry on from its seq. Events
    // arriving meanwhile wait in the sequencer (they are ahead of what it has applied).
    const refresh = async () => {
      if (refreshing) return;
      refreshing = true;
      try {
        const fresh = await loadFirstPage(slug);
        onResetRef.current?.(fresh);
        appliedSeq.current = fresh.seq;
        sequencer.reset(fresh.seq);
        markSynced();
      } catch {
        // Offline or the server is away: the next (re)join tries again.
        return;
      } finally {
        refreshing = false;
      }
      void fillGap();
    };

    const fillGap = async () => {
      if (fetching || refreshing) return;
      fetching = true;
      try {
        for (;;) {
          const response = await fetch(`/api/blogs/${encodeURIComponent(slug)}/events?since=${sequencer.seq}`, { cache: "no-store" });
          // Gone from the log: the page reloads instead (after this returns, so `fetching` is clear again).
          if (response.status === 410) return void setTimeout(() => void refresh());
          if (!response.ok) return;
          const page = (await response.json()) as EventsPage;
          page.events.forEach((event) => sequencer.push(event));
          if (!page.hasMore) return;
        }
      } catch {
        // Offline or the server is away: the next (re)join fills the gap.
      } finally {
        fetching = false;
      }
    };

    const receive = (event: BlogEvent) => {
      sequencer.push(event);
      clearTimeout(gapTimer);
      if (sequencer.hasGap) gapTimer = setTimeout(() => void fillGap(), GAP_WAIT_MS);
    };

    for (const type of BLOG_EVENT_TYPES) {
      socket.on(type, ((payload: BlogEvent["payload"]) => receive({ type, payload } as BlogEvent)) as never);
    }
    socket.on("blog:readers", (payload) => {
      if (payload.blog === slug) setReaders(payload.count);
    });
    socket.on("connect", () => {
      failedAttempts = 0;
      // On every (re)connect, ask for everything after what we have applied. When socket.io recovered the
      // connection (a short drop, same server), it already re-joined the room and delivered what was
      // missed: join without a replay, only to learn the blog's seq and fetch anything still missing.
      const since = socket.recovered ? undefined : sequencer.seq;
      socket.emit("blog:join", { slug, ...(since === undefined ? {} : { since }) }, (answer) => {
        if (answer.error !== undefined) return setState("reconnecting");
        joined = true;
        setReaders(answer.readers);
        setState("live");
        markSynced();
        if (answer.reset) void refresh();
        else if (answer.seq > sequencer.seq) void fillGap();
      });
    });
    socket.on("connect_error", () => {
      failedAttempts += 1;
      setState(failedAttempts >= FAILED_ATTEMPTS_BEFORE_OFFLINE || !navigator.onLine ? "offline" : "reconnecting");
    });
    socket.on("disconnect", (reason) => {
      // Up to date until this moment.
      if (joined) markSynced();
      joined = false;
      setReaders(null);
      if (reason === "io client disconnect") return; // we closed it (offline, or the page is going)
      setState(navigator.onLine ? "reconnecting" : "offline");
      // A server that is shutting down ends sockets itself, and socket.io does not retry those on its own.
      if (reason === "io server disconnect") socket.connect();
    });

    // The browser knows when there is no network at all: say so at once and stop trying until it is back.
    const onOffline = () => {
      setState("offline");
      socket.disconnect();
    };
    const onOnline = () => {
      if (socket.connected) return;
      setState("reconnecting");
      socket.connect();
    };
    window.addEventListener("offline", onOffline);
    window.addEventListener("online", onOnline);
    if (navigator.onLine) socket.connect();
    else setState("offline");

    return () => {
      window.removeEventListener("offline", onOffline);
      window.removeEventListener("online", onOnline);
      clearTimeout(gapTimer);
      socket.disconnect();
      setReaders(null);
    };
  }, [slug, live]);

  return { state, syncedAt, readers };
}
