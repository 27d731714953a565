// socket.io on the app's HTTP server. Readers join one blog's room (`blog:{slug}`), get what they missed
// in the join's answer, then live events. Signed-in writers may also join a blog's newsroom room
// (`newsroom:{slug}`), which gets every entry change, drafts and scheduled entries included.
//
// What an anonymous client can make this hold is bounded: connections per address (counted from the
// engine.io handshake), bytes waiting to be sent per connection and per address (connection-budget.ts),
// joins per connection and at once per address (join-gate.ts), and what one join replays.
import { randomUUID } from "node:crypto";
import type { IncomingMessage, Server as HttpServer } from "node:http";
import { Server } from "socket.io";
import { Adapter } from "socket.io-adapter";
import { cookieFromHeader, SESSION_COOKIE } from "../auth/session-cookie-name";
import { can, type Action, type Actor } from "@/common/permissions";
import type {
  AdminJoinAck,
  AllServerToClientEvents,
  BlogEvent,
  ChangedBy,
  ClientToServerEvents,
  JoinAck,
  JoinRequest,
  WatchRequest,
} from "@/common/contracts/events";
import type { BlogDTO, EntryDTO, ReviewDTO } from "@/common/contracts/dto";
import {
  adminJoinRequestSchema,
  describeZodError,
  joinRequestSchema,
  presenceEditingSchema,
  watchRequestSchema,
} from "@/common/contracts/schemas";
import { findBlog } from "../db/blogs";
import { replayEventsSince, type ReplayLimits } from "../db/events";
import { isAppError } from "@/common/app-error";
import { editableEntryIds } from "../db/editing-claims";
import { findSession, hashSecret } from "../db/sessions";
import type { Db } from "../db/types";
import { isSameOriginHandshake } from "../http/origin";
import { clientAddress } from "../limits/client-address";
import { createConnectionBudget } from "./connection-budget";
import { directFanOutAdapter } from "./direct-fan-out";
import { checkConnection, checkEngineModules, type EngineConnection } from "./engine-internals";
import { createJoinGate, type JoinGateOptions } from "./join-gate";
import { TokenBuckets } from "../limits/token-bucket";
import { createNewsroomPresence, PRESENCE_HEARTBEAT_MS } from "./newsroom-presence";
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
  /** Open connections allowed per client address on this node (0 or unset: no cap). */
  maxConnectionsPerAddress?: number;
  /** Bytes waiting to be sent to one connection before it is dropped as too slow (0 or unset: no cap). */
  maxUnsentBytes?: number;
  /** The same for all connections of one address together (0 or unset: no cap). */
  maxUnsentBytesPerAddress?: number;
  /** blog:join per connection: a burst, then a rate (join-gate.ts); unset: no limit. */
  joinsPerConnection?: JoinGateOptions["perConnection"];
  /**
   * The direct fan-out and the release of upgrade requests, which read engine.io and ws internals
   * (engine-internals.ts); false: socket.io's own paths only. On by default; off by itself when a check fails.
   */
  fastPaths?: boolean;
}

/** What the server remembers about a connection: only what came with its handshake, never what it sent. */
interface SocketData {
  /** The session cookie's secret, re-checked against the database on every admin:join. */
  sessionSecret: string | null;
  /** False when the handshake came from another site's page (cross-site WebSocket hijacking). */
  sameOrigin: boolean;
  /** Who its session belonged to at its last successful admin:join (what presence shows and checks claims by). */
  actor?: Actor;
}

export interface RealtimeServer {
  io: Server<ClientToServerEvents, AllServerToClientEvents, ClusterEvents, SocketData>;
  /** Sends a committed event to every reader of its blog. */
  broadcast(event: BlogEvent): void;
  /** Sends an entry as it now is (drafts and scheduled ones too) to its blog's newsroom, with who saved it. */
  entrySaved(entry: EntryDTO, by: ChangedBy | null): void;
  /** Tells a blog's reviewers, and the entry's contributor, of a step in its review. */
  entryReviewed(entry: EntryDTO, review: ReviewDTO): void;
  /** Tells a blog's newsroom an entry was deleted. */
  entryRemoved(blog: string, id: string): void;
  /** Ends every newsroom connection of a user (on deactivation). */
  disconnectUser: (userId: string) => void;
  /** Ends the newsroom connections opened with one session (on sign-out). */
  disconnectSession: (secret: string) => void;
  /** Tells those watching the dashboard that a blog's row changed. */
  blogListChanged(blog: string): void;
  /** Tells those watching a blog's audit log that it has new rows. */
  auditRecorded(blog: string): void;
  /** Tells those watching the users list that it changed. */
  userListChanged(userId: string | null): void;
  close(): Promise<void>;
}

const ROOM_PREFIX = "blog:";
const roomOf = (slug: string) => ROOM_PREFIX + slug;
const newsroomOf = (slug: string) => `newsroom:${slug}`;
const userRoomOf = (userId: string) => `user:${userId}`;
// Contributors never join newsroomOf (it carries everyone's drafts): they follow the blog's published entries
// and their own, in rooms of their own. Reviews go to the editors and admins who may act on them.
const contributorsOf = (slug: string) => `newsroom-contributors:${slug}`;
const authorRoomOf = (slug: string, userId: string) => `newsroom-author:${slug}:${userId}`;
const reviewersOf = (slug: string) => `newsroom-reviewers:${slug}`;
const sessionRoomOf = (secret: string) => `session:${hashSecret(secret)}`;

/** The rooms a newsroom socket follows in one blog: contributors only the published entries and their own. */
function roomsFollowedBy(actor: Actor, slug: string): string[] {
  if (actor.role === "CONTRIBUTOR") return [contributorsOf(slug), authorRoomOf(slug, actor.id)];
  return [newsroomOf(slug), ...(can(actor, "entry:review") ? [reviewersOf(slug)] : [])];
}
const watchRoomOf = (request: WatchRequest) =>
  request.list === "audit" ? `watch:audit:${request.slug}` : `watch:${request.list}`;

/** Who may watch each of the newsroom's lists. */
const WATCH_PERMISSION: Record<WatchRequest["list"], Action> = {
  blogs: "newsroom:read",
  users: "user:manage",
  audit: "audit:read",
};

/** presence:editing per connection: an editor opening and closing entries, not a loop. */
const PRESENCE_CLAIMS = { burst: 10, perMinute: 60 };

/**
 * What one join replays at most. Beyond it the reader reloads the blog's first page (a `reset` ack), which
 * costs less than replaying more and is served from the read cache.
 */
export const JOIN_REPLAY: Required<ReplayLimits> = { limit: 200, maxBytes: 256 * 1024 };

/** The answer to a join whose socket disconnected before it was served (nobody reads it). */
const GONE_MEANWHILE = { error: "the connection closed before the join was served" };

export function createRealtimeServer(http: HttpServer, deps: RealtimeDeps): RealtimeServer {
  const warn = (message: string) => deps.log?.(`warning: ${message}`);
  let fastPaths = deps.fastPaths !== false;
  /** engine.io or ws is not as the fast paths expect (an upgrade): socket.io's own paths from now on. */
  const turnOffFastPaths = (problems: string[]) => {
    if (!fastPaths || problems.length === 0) return;
    fastPaths = false;
    warn(`socket fast paths off (${problems.join("; ")}); socket.io's own paths serve`);
  };
  if (fastPaths) turnOffFastPaths(checkEngineModules());

  const addressOf = (request: IncomingMessage) =>
    clientAddress(request.socket.remoteAddress, request.headers["x-forwarded-for"], deps.trustProxy ?? 0);
  const budget = createConnectionBudget({
    maxConnectionsPerAddress: deps.maxConnectionsPerAddress ?? 0,
    maxUnsentBytes: deps.maxUnsentBytes ?? 0,
    maxUnsentBytesPerAddress: deps.maxUnsentBytesPerAddress ?? 0,
    addressOf,
    log: deps.log,
  });
  const joins = createJoinGate({ perConnection: deps.joinsPerConnection ?? { burst: 1, perMinute: 0 } });
  const base = deps.cluster?.adapter ?? Adapter;

  const io = new Server<ClientToServerEvents, AllServerToClientEvents, ClusterEvents, SocketData>(http, {
    serveClient: false,
    // Clients only send small join requests; anything bigger is not ours.
    maxHttpBufferSize: 16 * 1024,
    perMessageDeflate: false,
    // One frame write per reader for each broadcast, on this node's adapter or the cluster's (direct-fan-out.ts).
    adapter: fastPaths ? directFanOutAdapter(base, { enabled: () => fastPaths, warn }) : base,
    // No connection state recovery: a recovered socket would get back its rooms (newsroom ones included)
    // without any check, and the broadcasts it missed as they were sent, text since deleted included.
    // A reader that comes back joins again with its seq and gets what changed, as it is now.
    // A connection that never opens the namespace is closed after this long.
    connectTimeout: 10_000,
    allowRequest: (request, callback) => budget.allowRequest(request, callback),
  });

  // Every connection is counted, its handshake read and its request let go, as soon as engine.io has it.
  let connectionChecked = false;
  const handshakes = new WeakMap<EngineConnection, SocketData>();
  io.engine.on("connection", (conn: EngineConnection) => {
    const request = conn.request;
    if (!budget.admit(conn, request)) return;
    handshakes.set(conn, {
      sessionSecret: cookieFromHeader(request.headers.cookie, SESSION_COOKIE),
      sameOrigin: isSameOriginHandshake({ headers: request.headers, secure: "encrypted" in request.socket }, deps),
    });
    if (fastPaths && !connectionChecked) {
      connectionChecked = true;
      turnOffFastPaths(checkConnection(conn));
    }
    if (!releaseUpgradeRequest(conn, { listener: fastPaths })) {
      turnOffFastPaths(["engine.io's upgrade response listener was not found (release-upgrade-request.ts)"]);
    }
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
      for (const [room, sockets] of rooms.rooms)
        if (room.startsWith(ROOM_PREFIX)) counts[room.slice(ROOM_PREFIX.length)] = sockets.size;
      return counts;
    },
  });

  // Who is in each newsroom, across nodes through the cluster (newsroom-presence.ts); each node tells its own sockets.
  const cluster = deps.cluster;
  const presence = createNewsroomPresence({
    node: randomUUID(),
    send: (slug, people) => io.local.to(newsroomOf(slug)).emit("presence:changed", { blog: slug, people }),
    share: cluster && ((message) => io.serverSideEmit("cluster:presence", message)),
  });
  const claims = new TokenBuckets(PRESENCE_CLAIMS);
  let presenceBeat: ReturnType<typeof setInterval> | null = null;
  if (cluster) {
    io.on("cluster:presence", (message) => presence.heard(message));
    presenceBeat = setInterval(() => presence.beat(), PRESENCE_HEARTBEAT_MS);
    presenceBeat.unref();
    presence.beat();
  }

  type ReaderSocket = Parameters<Parameters<typeof io.on<"connection">>[1]>[0];

  /** Joins the blog's room, then reads what changed since `since` (so nothing committed in between is lost). */
  const join = async (socket: ReaderSocket, { slug, since }: JoinRequest): Promise<JoinAck> => {
    try {
      const blog = await (deps.findBlog ? deps.findBlog(slug) : findBlog(deps.db, slug));
      if (!blog) return { error: `no blog with slug "${slug}"` };
      // It may have gone while its join waited its turn: joining now would leave its id in the room for good.
      if (socket.disconnected) return GONE_MEANWHILE;
      // A reader watches one blog at a time.
      for (const room of socket.rooms)
        if (room.startsWith(ROOM_PREFIX) && room !== roomOf(slug)) void socket.leave(room);
      await socket.join(roomOf(slug));
      // The newcomer learns the count in its ack, the room with the next throttled send.
      if (since === undefined) return { seq: blog.seq, readers: totalReaders(slug) };
      // Seqs have no gaps: this far behind, the replay would be cut short and thrown away (the blog read from
      // the cache may be a little old, so this never resets a reader that a replay would have served).
      if (blog.seq - since > JOIN_REPLAY.limit) return { seq: blog.seq, readers: totalReaders(slug), reset: true };
      const page = await replayEventsSince(deps.db, slug, since, JOIN_REPLAY);
      // More changed than one replay carries: the reader reloads its first page instead (the client drops repeats by seq).
      if (page.hasMore) return { seq: Math.max(blog.seq, page.seq), readers: totalReaders(slug), reset: true };
      return { seq: page.seq, readers: totalReaders(slug), events: page.events };
    } catch (error) {
      // The log no longer reaches back to `since`: the reader reloads the page at this seq instead.
      if (isAppError(error) && error.code === "GONE")
        return { seq: Number(error.details?.seq), readers: totalReaders(slug), reset: true };
      deps.log?.("blog:join failed", error);
      return { error: "could not join this blog right now; try again" };
    }
  };

  // When each newsroom socket's session ends: sign-out and deactivation disconnect it at once (through the
  // session and user rooms); an expiry has nobody to tell, so the socket keeps its own time.
  const sessionEnds = new WeakMap<ReaderSocket, ReturnType<typeof setTimeout>>();
  const endWithSession = (socket: ReaderSocket, expiresAt: Date) => {
    if (sessionEnds.has(socket)) return;
    // setTimeout holds at most about 24.8 days; a longer session is checked again then.
    const wait = Math.min(expiresAt.getTime() - Date.now(), 2 ** 31 - 1);
    const timer = setTimeout(() => {
      sessionEnds.delete(socket);
      if (expiresAt.getTime() <= Date.now()) socket.disconnect(true);
      else endWithSession(socket, expiresAt);
    }, wait);
    timer.unref();
    sessionEnds.set(socket, timer);
    socket.once("disconnect", () => clearTimeout(timer));
  };

  /**
   * The socket's session, checked now, not at connection time (it may have ended or its user been deactivated
   * since), and allowed `action`; joins `rooms` with the user's and session's own, so a deactivation or sign-out
   * ends it. Returns the actor, or why not.
   */
  const joinAsSessionActor = async (
    socket: ReaderSocket,
    action: Action,
    refusal: (actor: Actor) => string,
    rooms: (actor: Actor) => Promise<string[] | { error: string }>,
  ): Promise<{ actor: Actor } | { error: string }> => {
    const secret = socket.data.sessionSecret;
    const session = secret && socket.data.sameOrigin ? await findSession(deps.db, secret) : null;
    if (!session || !secret) return { error: "sign in to follow the newsroom" };
    const { actor, expiresAt } = session;
    if (!can(actor, action)) return { error: refusal(actor) };
    const wanted = await rooms(actor);
    if (!Array.isArray(wanted)) return wanted;
    if (socket.disconnected) return GONE_MEANWHILE;
    await socket.join([...wanted, userRoomOf(actor.id), sessionRoomOf(secret)]);
    endWithSession(socket, expiresAt);
    return { actor };
  };

  const joinNewsroom = async (socket: ReaderSocket, slug: string): Promise<AdminJoinAck> => {
    try {
      const joined = await joinAsSessionActor(
        socket,
        "newsroom:read",
        () => "only the newsroom's writers may follow the newsroom",
        async (actor) =>
          (await findBlog(deps.db, slug)) ? roomsFollowedBy(actor, slug) : { error: `no blog with slug "${slug}"` },
      );
      if ("error" in joined) return { error: joined.error };
      if (socket.disconnected) return GONE_MEANWHILE;
      socket.data.actor = joined.actor;
      presence.join(slug, socket.id, { id: joined.actor.id, name: joined.actor.name });
      // The newcomer hears who is here even when its arrival changed nobody's list (a second tab).
      socket.emit("presence:changed", { blog: slug, people: presence.peopleOf(slug) });
      return { ok: true };
    } catch (error) {
      deps.log?.("admin:join failed", error);
      return { error: "could not join the newsroom right now; try again" };
    }
  };

  const watchList = async (socket: ReaderSocket, request: WatchRequest): Promise<AdminJoinAck> => {
    try {
      const joined = await joinAsSessionActor(
        socket,
        WATCH_PERMISSION[request.list],
        (actor) =>
          `${withArticle(actor.role.toLowerCase())} may not watch the ${request.list === "audit" ? "audit log" : request.list} list`,
        async () =>
          request.list !== "audit" || (await findBlog(deps.db, request.slug))
            ? [watchRoomOf(request)]
            : { error: `no blog with slug "${request.slug}"` },
      );
      return "error" in joined ? { error: joined.error } : { ok: true };
    } catch (error) {
      deps.log?.("admin:watch failed", error);
      return { error: "could not watch this list right now; try again" };
    }
  };

  /** The entries a present socket has open, each checked against what its person may edit. */
  const claimEditing = async (socket: ReaderSocket, slug: string, entries: string[]): Promise<AdminJoinAck> => {
    const actor = socket.data.actor;
    if (!actor || !presence.isIn(slug, socket.id)) return { error: "join this blog's newsroom first" };
    const take = claims.take(socket.id);
    if (!take.ok) return { error: `too many presence updates; try again in ${take.retryAfterSeconds} s` };
    try {
      const editable = await editableEntryIds(deps.db, actor, slug, entries);
      const refused = entries.filter((id) => !editable.includes(id));
      if (refused.length > 0) return { error: `entries: you may not edit ${refused.join(", ")} in this blog` };
      // It may have left while its claim was checked: a claim then would bring it back for good.
      if (socket.disconnected) return GONE_MEANWHILE;
      presence.setEditing(slug, socket.id, editable);
      return { ok: true };
    } catch (error) {
      deps.log?.("presence:editing failed", error);
      return { error: "could not update your presence right now; try again" };
    }
  };

  io.on("connection", (socket) => {
    Object.assign(socket.data, handshakes.get(socket.conn) ?? { sessionSecret: null, sameOrigin: false });

    socket.on("blog:join", async (request, ack) => {
      if (typeof ack !== "function") return;
      const answer = (value: JoinAck) => ack(value);
      const parsed = joinRequestSchema.safeParse(request);
      if (!parsed.success) return answer({ error: describeZodError(parsed.error) });
      // A connection that does not read what it is sent is given nothing more.
      if (budget.dropIfOverBudget(socket.conn)) return;
      // Only a join that replays reads the log: those take turns per address.
      const address = parsed.data.since === undefined ? null : (budget.addressOf(socket.conn) ?? "unknown");
      const admitted = await joins.run(socket.id, address, () => join(socket, parsed.data));
      answer(admitted.ok ? admitted.value : { error: admitted.error });
    });

    socket.on("blog:leave", (request) => {
      const slug = typeof request?.slug === "string" ? request.slug : "";
      void socket.leave(roomOf(slug));
    });

    socket.once("disconnect", () => presence.leave(socket.id));

    socket.on("presence:editing", async (request, ack) => {
      if (typeof ack !== "function") return;
      const answer = (value: AdminJoinAck) => ack(value);
      const parsed = presenceEditingSchema.safeParse(request);
      if (!parsed.success) return answer({ error: describeZodError(parsed.error) });
      answer(await claimEditing(socket, parsed.data.slug, parsed.data.entries));
    });

    socket.on("admin:watch", async (request, ack) => {
      if (typeof ack !== "function") return;
      const answer = (value: AdminJoinAck) => ack(value);
      const parsed = watchRequestSchema.safeParse(request);
      if (!parsed.success) return answer({ error: describeZodError(parsed.error) });
      // Looks the session up, as admin:join does: limited the same way.
      const admitted = await joins.run(socket.id, budget.addressOf(socket.conn) ?? "unknown", () =>
        watchList(socket, parsed.data),
      );
      answer(admitted.ok ? admitted.value : { error: admitted.error });
    });

    socket.on("admin:join", async (request, ack) => {
      if (typeof ack !== "function") return;
      const answer = (value: AdminJoinAck) => ack(value);
      const parsed = adminJoinRequestSchema.safeParse(request);
      if (!parsed.success) return answer({ error: describeZodError(parsed.error) });
      // Each one looks the session up: limited like blog:join, so a forged cookie cannot hammer the database.
      const admitted = await joins.run(socket.id, budget.addressOf(socket.conn) ?? "unknown", () =>
        joinNewsroom(socket, parsed.data.slug),
      );
      answer(admitted.ok ? admitted.value : { error: admitted.error });
    });
  });

  return {
    io,
    broadcast(event) {
      emitEvent(io.to(roomOf(event.payload.blog)), event);
      // An entry readers lose (deleted or unpublished) goes from the contributors' streams too; their own comes
      // back with its newsroom save, which follows.
      if (event.type === "entry:deleted")
        io.to(contributorsOf(event.payload.blog)).emit("admin:entry-removed", {
          blog: event.payload.blog,
          id: event.payload.id,
        });
    },
    entrySaved(entry, by) {
      const rooms = [newsroomOf(entry.blog), authorRoomOf(entry.blog, entry.author.id)];
      if (entry.status === "PUBLISHED") rooms.push(contributorsOf(entry.blog));
      io.to(rooms).emit("admin:entry-saved", { blog: entry.blog, entry, by });
    },
    entryReviewed(entry, review) {
      io.to([reviewersOf(entry.blog), authorRoomOf(entry.blog, entry.author.id)]).emit("admin:entry-reviewed", {
        blog: entry.blog,
        entry,
        review,
      });
    },
    entryRemoved(blog, id) {
      io.to([newsroomOf(blog), contributorsOf(blog)]).emit("admin:entry-removed", { blog, id });
    },
    disconnectUser(userId) {
      io.in(userRoomOf(userId)).disconnectSockets(true);
    },
    disconnectSession(secret) {
      io.in(sessionRoomOf(secret)).disconnectSockets(true);
    },
    blogListChanged(blog) {
      io.to(watchRoomOf({ list: "blogs" })).emit("admin:blogs-changed", { blog });
    },
    auditRecorded(blog) {
      io.to(watchRoomOf({ list: "audit", slug: blog })).emit("admin:audit-changed", { blog });
    },
    userListChanged(userId) {
      io.to(watchRoomOf({ list: "users" })).emit("admin:users-changed", { user: userId });
    },
    close() {
      // Tell this node's clients the server ended the connection (they reconnect elsewhere or later), then
      // stop. Local only: through the cluster adapter it would end every node's readers, and only after a
      // round trip to Redis, by which time the connections below are already gone.
      io.local.disconnectSockets(true);
      readerCounts.close();
      if (presenceBeat) clearInterval(presenceBeat);
      presence.close();
      budget.close();
      return new Promise<void>((resolve) => void io.close(() => resolve()));
    },
  };
}

/** "an editor", "a journalist". */
function withArticle(word: string): string {
  return `${/^[aeiou]/.test(word) ? "an" : "a"} ${word}`;
}

type Emitter = { emit: (type: BlogEvent["type"], payload: never) => unknown };

/** One typed emit for every event kind: the payload always matches its type by construction of BlogEvent. */
function emitEvent(target: unknown, event: BlogEvent): void {
  (target as Emitter).emit(event.type, event.payload as never);
}
