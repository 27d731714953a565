"use client";
// Subscribes a page to one blog's live events: joins with the seq the page was rendered at, applies
// each event once and in order, and fills gaps from the HTTP event log.
import { useEffect, useRef, useState } from "react";
import { io, type Socket } from "socket.io-client";
import type { BlogEvent, ClientToServerEvents, EventsPage, ServerToClientEvents } from "@/server/contracts/events";
import { BLOG_EVENT_TYPES } from "@/server/contracts/events";
import { EventSequencer } from "./event-sequencer";

export type ConnectionState = "connecting" | "live" | "reconnecting";

type ReaderSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

// How long an out-of-order event may wait for the missing ones before we fetch them.
const GAP_WAIT_MS = 300;

export function useBlogEvents(slug: string, initialSeq: number, onEvent: (event: BlogEvent) => void): ConnectionState {
  const [state, setState] = useState<ConnectionState>("connecting");
  const onEventRef = useRef(onEvent);
  onEventRef.current = onEvent;

  useEffect(() => {
    const sequencer = new EventSequencer(initialSeq, (event) => onEventRef.current(event));
    const socket: ReaderSocket = io({ transports: ["websocket", "polling"] });
    let gapTimer: ReturnType<typeof setTimeout> | undefined;
    let fetching = false;

    const fillGap = async () => {
      if (fetching) return;
      fetching = true;
      try {
        for (;;) {
          const response = await fetch(`/api/blogs/${encodeURIComponent(slug)}/events?since=${sequencer.seq}`, { cache: "no-store" });
          if (!response.ok) return;
          const page = (await response.json()) as EventsPage;
          page.events.forEach((event) => sequencer.push(event));
          if (!page.hasMore) return;
        }
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
    socket.on("connect", () => {
      // On every (re)connect, ask for everything after what we have applied.
      socket.emit("blog:join", { slug, since: sequencer.seq }, (answer) => {
        if (answer.error !== undefined) return setState("reconnecting");
        setState("live");
        if (answer.seq > sequencer.seq) void fillGap();
      });
    });
    socket.on("disconnect", () => setState("reconnecting"));
    socket.io.on("reconnect_attempt", () => setState("reconnecting"));

    return () => {
      clearTimeout(gapTimer);
      socket.disconnect();
    };
  }, [slug, initialSeq]);

  return state;
}
