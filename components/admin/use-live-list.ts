"use client";
// Keeps one of the newsroom's lists (the dashboard's blogs, the users, a blog's audit log) current without a
// reload: watches it over the newsroom socket (admin:watch, which checks the session's permission) and reads it
// again from the API whenever a notice says it changed, and after a reconnect (notices sent meanwhile are lost).
// Reads never overlap: notices arriving during one lead to one more read after it.
import { useEffect, useState } from "react";
import { io, type Socket } from "socket.io-client";
import type { AllServerToClientEvents, ClientToServerEvents, WatchRequest } from "@/common/contracts/events";
import { useLatest } from "@/components/ui/use-latest";

type NewsroomSocket = Socket<AllServerToClientEvents, ClientToServerEvents>;

const NOTICE_OF = {
  blogs: "admin:blogs-changed",
  users: "admin:users-changed",
  audit: "admin:audit-changed",
} as const satisfies Record<WatchRequest["list"], keyof AllServerToClientEvents>;

/** "live" once the list is watched; "offline" while the socket is away or the watch was refused. */
export type LiveListState = "connecting" | "live" | "offline";

export function useLiveList(request: WatchRequest, reload: () => Promise<void>): LiveListState {
  const [state, setState] = useState<LiveListState>("connecting");
  const reloadRef = useLatest(reload);
  const key = JSON.stringify(request);

  useEffect(() => {
    const watched = JSON.parse(key) as WatchRequest;
    const socket: NewsroomSocket = io({ transports: ["websocket", "polling"], withCredentials: true });
    let reading: Promise<void> | null = null;
    let again = false;
    const read = () => {
      if (reading) {
        again = true;
        return;
      }
      reading = reloadRef
        .current()
        .catch(() => undefined) // what is on screen stays; the next notice tries again
        .finally(() => {
          reading = null;
          if (again) {
            again = false;
            read();
          }
        });
    };
    const notice = (payload: { blog?: string }) => {
      if (watched.list !== "audit" || payload.blog === watched.slug) read();
    };
    socket.on(NOTICE_OF[watched.list], notice);
    let watchedBefore = false;
    socket.on("connect", () => {
      socket.emit("admin:watch", watched, (answer) => {
        if (answer.error !== undefined) return setState("offline");
        setState("live");
        if (watchedBefore) read();
        watchedBefore = true;
      });
    });
    socket.on("disconnect", (reason) => {
      setState("offline");
      // The server ended it (a sign-out, a deactivation, a new role): watch again, checked as things now are.
      if (reason === "io server disconnect") socket.connect();
    });
    return () => {
      socket.disconnect();
    };
  }, [key, reloadRef]);

  return state;
}
