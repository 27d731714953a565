// socket.io on the app's HTTP server: readers join one blog's room, get missed events replayed, then live ones.
import type { Server as HttpServer } from "node:http";
import { Server } from "socket.io";
import type { BlogEvent, ClientToServerEvents, JoinAck, ServerToClientEvents } from "../contracts/events";
import { describeZodError, joinRequestSchema } from "../contracts/schemas";
import { findBlog } from "../db/blogs";
import { replayEventsSince } from "../db/events";
import type { Db } from "../db/types";

export interface RealtimeDeps {
  db: Db;
  log?: (message: string, error?: unknown) => void;
}

export interface RealtimeServer {
  io: Server<ClientToServerEvents, ServerToClientEvents>;
  broadcast(event: BlogEvent): void;
  close(): Promise<void>;
}

const ROOM_PREFIX = "blog:";
const roomOf = (slug: string) => ROOM_PREFIX + slug;

export function createRealtimeServer(http: HttpServer, deps: RealtimeDeps): RealtimeServer {
  const io = new Server<ClientToServerEvents, ServerToClientEvents>(http, {
    serveClient: false,
    // Readers only send small join requests; anything bigger is not ours.
    maxHttpBufferSize: 16 * 1024,
    perMessageDeflate: false,
  });

  io.on("connection", (socket) => {
    socket.on("blog:join", async (request, ack) => {
      if (typeof ack !== "function") return;
      const answer = (value: JoinAck) => ack(value);
      const parsed = joinRequestSchema.safeParse(request);
      if (!parsed.success) return answer({ error: describeZodError(parsed.error) });
      const { slug, since } = parsed.data;
      try {
        const blog = await findBlog(deps.db, slug);
        if (!blog) return answer({ error: `no blog with slug "${slug}"` });
        // A reader watches one blog at a time.
        for (const room of socket.rooms) if (room.startsWith(ROOM_PREFIX) && room !== roomOf(slug)) void socket.leave(room);
        // Join before reading the log, so nothing committed in between is lost; the client drops repeats by seq.
        await socket.join(roomOf(slug));
        let seq = blog.seq;
        if (since !== undefined) {
          let cursor = since;
          for (;;) {
            const page = await replayEventsSince(deps.db, slug, cursor);
            for (const event of page.events) emitEvent(socket, event);
            cursor = page.events.at(-1)?.payload.seq ?? cursor;
            seq = Math.max(seq, page.seq);
            if (!page.hasMore) break;
          }
        }
        answer({ seq });
      } catch (error) {
        deps.log?.("blog:join failed", error);
        answer({ error: "could not join this blog right now; try again" });
      }
    });

    socket.on("blog:leave", (request) => {
      const slug = typeof request?.slug === "string" ? request.slug : "";
      void socket.leave(roomOf(slug));
    });
  });

  return {
    io,
    broadcast(event) {
      emitEvent(io.to(roomOf(event.payload.blog)), event);
    },
    close() {
      // Tell every client the server ended the connection (they reconnect elsewhere or later), then stop.
      io.disconnectSockets(true);
      return new Promise<void>((resolve) => void io.close(() => resolve()));
    },
  };
}

type Emitter = { emit: (type: BlogEvent["type"], payload: never) => unknown };

/** One typed emit for every event kind: the payload always matches its type by construction of BlogEvent. */
function emitEvent(target: unknown, event: BlogEvent): void {
  (target as Emitter).emit(event.type, event.payload as never);
}
