// socket.io on the app's HTTP server. Readers join one blog's room (`blog:{slug}`), get missed events
// replayed, then live ones. Signed-in writers may also join a blog's newsroom room (`newsroom:{slug}`),
// which gets every entry change, drafts and scheduled entries included.
import type { Server as HttpServer } from "node:http";
import { Server } from "socket.io";
import { SessionAwareAdapter } from "socket.io-adapter";
import { cookieFromHeader, SESSION_COOKIE } from "../auth/session-cookie-name";
import { can } from "../auth/permissions";
import type {
  AdminJoinAck,
  AllServerToClientEvents,
  BlogEvent,
  ClientToServerEvents,
  JoinAck,
} from "../contracts/events";
import type { BlogDTO } from "../contracts/dto";
import { adminJoinRequestSchema, describeZodError, joinRequestSchema } from "../contracts/schemas";
import { findBlog } from "../db/blogs";
import type { EntryChange, EntryRemoval } from "../db/entries";
import { replayEventsSince } from "../db/events";
import { isAppError } from "../errors";
import { findSessionActor, hashSecret } from "../db/sessions";
import type { Db } from "../db/types";
import { isSameOriginHandshake } from "../http/origin";
import { clientAddress } from "../limits/client-address";
import { directFanOutAdapter } from "./direct-fan-out";
import { createReaderCountNotifier } from "./reader-count";
import { releaseUpgradeRequest } from "./release-upgrade-request";
import type { ClusterEvents, RealtimeCluster } from "./redis-adapter";

export interface RealtimeDeps {
  db: Db;
  log?: (message: string, error?: unknown) => void;
  /** Several nodes sharing readers through Redis (REDIS_URL); unset: this process alone. */
  cluster?: RealtimeCluster;
  /** How blog:join reads its blog (default: the database); the process passes its read cache, so a reconnect storm costs no query per reader. */
  findBlog?: (slug: string) => Promise<BlogDTO | null>;
  /** How many proxies append to X-Forwarded-For (0: use the socket's own address, and ignore X-Forwarded-Host/Proto). */
  trustProxy?: number;
  /** The site's public address: a handshake from its origin is ours even when the request's own origin differs. */
  publicUrl?: string;
  /** Open sockets allowed per client address on this node (0 or unset: no cap). */
  maxConnectionsPerAddress?: number;
}

/** What the server remembers about a socket: only what came with its handshake, never what it sent. */
interface SocketData {
  /** The session cookie's secret, re-checked against the database on every admin:join. */
  sessionSecret: string | null;
  /** False when the handshake came from another site's page (cross-site WebSocket hijacking). */
  sameOrigin: boolean;
}

export interface RealtimeServer {
  io: Server<ClientToServerEvents, AllServerToClientEvents, ClusterEvents, SocketData>;
  /** Sends a committed event to every reader of its blog. */
  broadcast(event: BlogEvent): void;
  /** After a committed entry change: its reader event (if any) to the blog room, the entry to the newsroom room. */
  notifyEntryChange(change: EntryChange | EntryRemoval): void;
  /** Ends every newsroom connection of a user (on deactivation). */
  disconnectUser(userId: string): void;
  /** Ends the newsroom connections opened with one session (on sign-out). */
  disconnectSession(secret: string): void;
  close(): Promise<void>;
}

const ROOM_PREFIX = "blog:";
const roomOf = (slug: string) => ROOM_PREFIX + slug;
const newsroomOf = (slug: string) => `newsroom:${slug}`;
const userRoomOf = (userId: string) => `user:${userId}`;
const sessionRoomOf = (secret: string) => `session:${hashSecret(secret)}`;

export function createRealtimeServer(http: HttpServer, deps: RealtimeDeps): RealtimeServer {
  const io = new Server<ClientToServerEvents, AllServerToClientEvents, ClusterEvents, SocketData>(http, {
    serveClient: false,
    // Clients only send small join requests; anything bigger is not ours.
    maxHttpBufferSize: 16 * 1024,
    perMessageDeflate: false,
    // One frame write per reader for each broadcast, on this node's adapter or the cluster's (direct-fan-out.ts).
    adapter: directFanOutAdapter(deps.cluster?.adapter ?? SessionAwareAdapter),
    // A reader whose connection drops briefly gets back its rooms and the broadcasts it missed, without a
    // join round trip. Only a shortcut: the node must still hold the session (not after a restart, not on
    // another node), so clients keep their seq and re-check it (docs/reliability.md).
    connectionStateRecovery: { maxDisconnectionDuration: 2 * 60_000, skipMiddlewares: true },
  });

  // Readers watching now: the adapter tells us every room change (joins, leaves, disconnects), and a
  // room's size is O(1). With several nodes, each adds the counts the others share (redis-adapter.ts).
  const rooms = io.of("/").adapter;
  const readerCount = (slug: string) => rooms.rooms.get(roomOf(slug))?.size ?? 0;
  const totalReaders = (slug: string) => readerCount(slug) + (deps.cluster?.remoteReaders(slug) ?? 0);
  const readerCounts = createReaderCountNotifier({
    count: totalReaders,
    // Each node tells its own readers (io.local), and the other nodes its own count.
    send: (slug, count) => {
      io.local.to(roomOf(slug)).emit("blog:readers", { blog: slug, count });
      deps.cluster?.shareReaders(slug, readerCount(slug));
    },
  });
  const onRoomChange = (room: string) => {
    if (room.startsWith(ROOM_PREFIX)) readerCounts.changed(room.slice(ROOM_PREFIX.length));
  };
  rooms.on("join-room", onRoomChange);
  rooms.on("leave-room", onRoomChange);
  deps.cluster?.attach(io, {
    readersChanged: (slug) => readerCounts.changed(slug),
    localCounts: () => {
      const counts: Record<string, number> = {};
      for (const [room, sockets] of rooms.rooms) if (room.startsWith(ROOM_PREFIX)) counts[room.slice(ROOM_PREFIX.length)] = sockets.size;
      return counts;
    },
  });

  // A cap on open sockets per address, so one client cannot hold the node's memory and file handles.
  const openPerAddress = new Map<string, number>();
  const maxPerAddress = deps.maxConnectionsPerAddress ?? 0;
  if (maxPerAddress > 0) {
    io.use((socket, next) => {
      const address = clientAddress(socket.handshake.address, socket.handshake.headers["x-forwarded-for"], deps.trustProxy ?? 0);
      const open = openPerAddress.get(address) ?? 0;
      if (open >= maxPerAddress) return next(new Error("too many connections from your address"));
      openPerAddress.set(address, open + 1);
      socket.once("disconnect", () => {
        const left = (openPerAddress.get(address) ?? 1) - 1;
        if (left > 0) openPerAddress.set(address, left);
        else openPerAddress.delete(address);
      });
      next();
    });
  }

  io.on("connection", (socket) => {
    socket.data.sessionSecret = cookieFromHeader(socket.handshake.headers.cookie, SESSION_COOKIE);
    socket.data.sameOrigin = isSameOriginHandshake(socket.handshake, deps);
    releaseUpgradeRequest(socket.conn);

    socket.on("blog:join", async (request, ack) => {
      if (typeof ack !== "function") return;
      const answer = (value: JoinAck) => ack(value);
      const parsed = joinRequestSchema.safeParse(request);
      if (!parsed.success) return answer({ error: describeZodError(parsed.error) });
      const { slug, since } = parsed.data;
      try {
        const blog = await (deps.findBlog ? deps.findBlog(slug) : findBlog(deps.db, slug));
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
        // The newcomer learns the count in its ack, the room with the next throttled send. Not a separate
        // emit: with connection state recovery, socket.io keeps every emit to one socket in memory for
        // maxDisconnectionDuration, which is a packet per reader for two minutes after a join storm.
        answer({ seq, readers: totalReaders(slug) });
      } catch (error) {
        // The log no longer reaches back to `since`: the reader reloads the page at this seq instead.
        if (isAppError(error) && error.code === "GONE") return answer({ seq: Number(error.details?.seq), readers: totalReaders(slug), reset: true });
        deps.log?.("blog:join failed", error);
        answer({ error: "could not join this blog right now; try again" });
      }
    });

    socket.on("blog:leave", (request) => {
      const slug = typeof request?.slug === "string" ? request.slug : "";
      void socket.leave(roomOf(slug));
    });

    socket.on("admin:join", async (request, ack) => {
      if (typeof ack !== "function") return;
      const answer = (value: AdminJoinAck) => ack(value);
      const parsed = adminJoinRequestSchema.safeParse(request);
      if (!parsed.success) return answer({ error: describeZodError(parsed.error) });
      const { slug } = parsed.data;
      try {
        // The session is checked now, not at connection time: it may have ended or its user been deactivated since.
        const secret = socket.data.sessionSecret;
        const actor = secret && socket.data.sameOrigin ? await findSessionActor(deps.db, secret) : null;
        if (!actor || !secret) return answer({ error: "sign in to follow the newsroom" });
        if (!can(actor, "newsroom:read")) return answer({ error: "only journalists, editors and admins may follow the newsroom" });
        if (!(await findBlog(deps.db, slug))) return answer({ error: `no blog with slug "${slug}"` });
        await socket.join([newsroomOf(slug), userRoomOf(actor.id), sessionRoomOf(secret)]);
        answer({ ok: true });
      } catch (error) {
        deps.log?.("admin:join failed", error);
        answer({ error: "could not join the newsroom right now; try again" });
      }
    });
  });

  const broadcast = (event: BlogEvent) => emitEvent(io.to(roomOf(event.payload.blog)), event);

  return {
    io,
    broadcast,
    notifyEntryChange(change) {
      if (change.event) broadcast(change.event);
      if ("entry" in change) {
        io.to(newsroomOf(change.entry.blog)).emit("admin:entry-saved", { blog: change.entry.blog, entry: change.entry });
      } else {
        io.to(newsroomOf(change.blog)).emit("admin:entry-removed", { blog: change.blog, id: change.id });
      }
    },
    disconnectUser(userId) {
      io.in(userRoomOf(userId)).disconnectSockets(true);
    },
    disconnectSession(secret) {
      io.in(sessionRoomOf(secret)).disconnectSockets(true);
    },
    close() {
      // Tell every client the server ended the connection (they reconnect elsewhere or later), then stop.
      io.disconnectSockets(true);
      readerCounts.close();
      return new Promise<void>((resolve) => void io.close(() => resolve()));
    },
  };
}

type Emitter = { emit: (type: BlogEvent["type"], payload: never) => unknown };

/** One typed emit for every event kind: the payload always matches its type by construction of BlogEvent. */
function emitEvent(target: unknown, event: BlogEvent): void {
  (target as Emitter).emit(event.type, event.payload as never);
}
