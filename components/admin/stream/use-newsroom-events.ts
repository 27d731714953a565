"use client";
// Joins a blog's newsroom room (the session cookie goes with the same-origin handshake) and hands over
// every entry change, drafts and scheduled ones included. The room has no replay, so after every
// (re)join the caller reloads its first page (`onJoined`).
import { useEffect, useState } from "react";
import { io, type Socket } from "socket.io-client";
import type { EntryDTO, SubmissionDTO } from "@/common/contracts/dto";
import type { AllServerToClientEvents, ClientToServerEvents } from "@/common/contracts/events";
import { useLatest } from "@/components/ui/use-latest";

export type NewsroomConnection = "connecting" | "live" | "reconnecting" | "refused";

type NewsroomSocket = Socket<AllServerToClientEvents, ClientToServerEvents>;

export interface NewsroomHandlers {
  onSaved: (entry: EntryDTO) => void;
  onRemoved: (id: string) => void;
  /** A step of an entry's review (for editors: the queue; for a contributor: their own entries). */
  onReviewed: (submission: SubmissionDTO) => void;
  /** Called after each successful join: changes made before it (since the render, or while offline) are not replayed. */
  onJoined: () => void;
}

export function useNewsroomEvents(
  slug: string,
  handlers: NewsroomHandlers,
): { connection: NewsroomConnection; refusal: string | null } {
  const [connection, setConnection] = useState<NewsroomConnection>("connecting");
  const [refusal, setRefusal] = useState<string | null>(null);
  const handlersRef = useLatest(handlers);

  useEffect(() => {
    const socket: NewsroomSocket = io({ transports: ["websocket", "polling"], withCredentials: true });
    socket.on("admin:entry-saved", ({ blog, entry }) => {
      if (blog === slug) handlersRef.current.onSaved(entry);
    });
    socket.on("admin:entry-removed", ({ blog, id }) => {
      if (blog === slug) handlersRef.current.onRemoved(id);
    });
    socket.on("admin:entry-reviewed", ({ blog, entry, review }) => {
      if (blog === slug) handlersRef.current.onReviewed({ entry, review });
    });
    socket.on("connect", () => {
      socket.emit("admin:join", { slug }, (answer) => {
        if (answer.error !== undefined) {
          setRefusal(answer.error);
          return setConnection("refused");
        }
        setRefusal(null);
        setConnection("live");
        handlersRef.current.onJoined();
      });
    });
    socket.on("disconnect", () => setConnection("reconnecting"));
    socket.io.on("reconnect_attempt", () => setConnection("reconnecting"));

    return () => {
      socket.disconnect();
    };
  }, [slug, handlersRef]);

  return { connection, refusal };
}
