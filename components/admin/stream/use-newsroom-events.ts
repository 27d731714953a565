"use client";
// Joins a blog's newsroom room (the session cookie goes with the same-origin handshake) and hands over
// every entry change, drafts and scheduled ones included, with who saved it, and who is in the workspace
// (presence). The room has no replay, so after every (re)join the caller reloads its first page (`onJoined`);
// the entries this tab has open in an editor are told to the server after each join and whenever they change.
import { useEffect, useRef, useState } from "react";
import { io, type Socket } from "socket.io-client";
import type { EntryDTO, SubmissionDTO } from "@/common/contracts/dto";
import type {
  AllServerToClientEvents,
  ChangedBy,
  ClientToServerEvents,
  PresencePerson,
} from "@/common/contracts/events";
import { useLatest } from "@/components/ui/use-latest";

export type NewsroomConnection = "connecting" | "live" | "reconnecting" | "refused";

type NewsroomSocket = Socket<AllServerToClientEvents, ClientToServerEvents>;

export interface NewsroomHandlers {
  /** `by`: who saved it, as the server knows them (null: the system). */
  onSaved: (entry: EntryDTO, by: ChangedBy | null) => void;
  onRemoved: (id: string) => void;
  /** A step of an entry's review (for editors: the queue; for a contributor: their own entries). */
  onReviewed: (submission: SubmissionDTO) => void;
  /** Called after each successful join: changes made before it (since the render, or while offline) are not replayed. */
  onJoined: () => void;
  /** Everyone in the workspace now (the whole list each time). */
  onPresence?: (people: PresencePerson[]) => void;
}

export function useNewsroomEvents(
  slug: string,
  handlers: NewsroomHandlers,
  /** The entries this tab has open in an editor (at most PRESENCE_MAX_EDITING). */
  editing: readonly string[] = [],
): { connection: NewsroomConnection; refusal: string | null } {
  const [connection, setConnection] = useState<NewsroomConnection>("connecting");
  const [refusal, setRefusal] = useState<string | null>(null);
  const handlersRef = useLatest(handlers);
  const socketRef = useRef<NewsroomSocket | null>(null);
  const claimed = editing.join(" ");

  useEffect(() => {
    const socket: NewsroomSocket = io({ transports: ["websocket", "polling"], withCredentials: true });
    socketRef.current = socket;
    socket.on("admin:entry-saved", ({ blog, entry, by }) => {
      if (blog === slug) handlersRef.current.onSaved(entry, by);
    });
    socket.on("presence:changed", ({ blog, people }) => {
      if (blog === slug) handlersRef.current.onPresence?.(people);
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
    socket.on("disconnect", (reason) => {
      setConnection("reconnecting");
      handlersRef.current.onPresence?.([]);
      // The server ended it (a sign-out, a deactivation, a new role): join again, checked as things now are; a
      // session that ended is then refused and says so.
      if (reason === "io server disconnect") socket.connect();
    });
    socket.io.on("reconnect_attempt", () => setConnection("reconnecting"));

    return () => {
      socketRef.current = null;
      socket.disconnect();
    };
  }, [slug, handlersRef]);

  // After each join (connection turns live) and whenever the open editors change. A claim refused (an entry
  // deleted meanwhile) leaves presence as it was: nothing to tell the person.
  useEffect(() => {
    const socket = socketRef.current;
    if (connection !== "live" || !socket?.connected) return;
    socket.emit("presence:editing", { slug, entries: claimed ? claimed.split(" ") : [] }, () => undefined);
  }, [slug, claimed, connection]);

  return { connection, refusal };
}
