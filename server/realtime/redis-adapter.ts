// Several Liveline nodes behind one load balancer share their readers through Redis (REDIS_URL).
//
// - socket.io's Redis Streams adapter carries every room emit to every node: an entry published on node
//   A reaches readers connected to node B, and newsroom rooms and disconnectSockets() work across nodes.
// - Nodes tell each other, with serverSideEmit, how many readers of each blog they hold, so every reader
//   sees the total; and which blog changed, so every node drops its cached reads (server/cache/).
//
// - When Redis goes away (it stops answering, restarts, fails over), a node's broadcasts still reach its
//   own readers at once: a publish Redis does not take within PUBLISH_TIMEOUT_MS is given up, and none is
//   attempted while the connection is down. The client reconnects by itself; once Redis answers again the
//   node publishes again, oldest first, every stream message since RESEND_WINDOW_MS before the loss (the
//   Outbox), so the other nodes' readers get what they missed; any event still missing, they notice by its
//   seq and fetch from the event log. Nodes also drop their cached reads and send their counts again.
//
// Limits (docs/deploy.md): serverSideEmit goes through Redis pub/sub, not the stream, so a cache drop may
// reach a node a moment after the event itself (a page rendered meanwhile is healed by the replay from its
// seq); reader counts from another node are up to READER_COUNT_INTERVAL_MS + one hop old, and a node that
// dies stops counting after STALE_NODE_MS.
import { randomUUID } from "node:crypto";
import { createAdapter } from "@socket.io/redis-streams-adapter";
import { createClient } from "redis";
import type { Namespace, Server, ServerOptions } from "socket.io";
import { MessageType, type ClusterAdapter, type ClusterMessage } from "socket.io-adapter";
import type { PresenceShare } from "./newsroom-presence";

/** What nodes tell each other (socket.io's InterServerEvents). */
export interface ClusterEvents {
  /** A node's reader counts: `full` replaces everything it said before (a heartbeat), else just these blogs. */
  "cluster:readers": (message: { node: string; counts: Record<string, number>; full: boolean }) => void;
  /** A blog changed (null: everything did): drop cached reads of it. */
  "cluster:changed": (message: { node: string; slug: string | null }) => void;
  /** Who a node's newsroom sockets are and what they edit (newsroom-presence.ts). */
  "cluster:presence": (message: PresenceShare) => void;
}

export interface RealtimeCluster {
  /** The socket.io adapter to construct the server with. */
  adapter: NonNullable<ServerOptions["adapter"]>;
  /** Readers of this blog connected to the other nodes, as they last told us. */
  remoteReaders(slug: string): number;
  /** This node's readers of a blog, whenever it tells its own readers the count. */
  shareReaders(slug: string, localCount: number): void;
  /** Tells the other nodes a blog changed. */
  shareChange: (slug: string | null) => void;
  /** Once the socket.io server exists: listen to the other nodes. */
  attach(io: ClusterIo, hooks: ClusterHooks): void;
  /** Redis is back after an outage: what was said meanwhile may be lost, so caches and counts start over. */
  resync(): void;
  close(): Promise<void>;
}

export interface ClusterHooks {
  /** Another node's count of this blog moved: tell this node's readers the new total. */
  readersChanged(slug: string): void;
  /** This node's nonzero reader counts, for the heartbeat. */
  localCounts(): Record<string, number>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type ClusterIo = Server<any, any, ClusterEvents, any>;

export const HEARTBEAT_MS = 10_000;
export const STALE_NODE_MS = 3 * HEARTBEAT_MS;
/** How long a broadcast waits for Redis to take it before this node's own readers get it anyway. */
export const PUBLISH_TIMEOUT_MS = 1000;
/**
 * Stream messages Redis took this long before the connection was lost are published again once it is back:
 * a Redis that restarts without persistence, or fails over to a replica, may lose them before other nodes read them.
 */
export const RESEND_WINDOW_MS = 5000;
/** The most stream messages kept while Redis is away; older ones the readers fetch from the event log by seq. */
export const OUTBOX_MAX = 1000;

export interface RedisClusterOptions {
  url: string;
  /** Names this deployment's stream, pub/sub channels and session keys. */
  prefix: string;
  log?: (message: string, error?: unknown) => void;
  /** Another node reported a change (null: everything changed): drop cached reads. */
  onRemoteChange: (slug: string | null) => void;
}

export async function connectRedisCluster({
  url,
  prefix,
  log,
  onRemoteChange,
}: RedisClusterOptions): Promise<RealtimeCluster> {
  const client = createClient({ url });
  const outbox = createOutbox();
  // Said once per outage, not at every reconnection attempt.
  const lost = (at: number, why: string, error?: unknown) => {
    if (outbox.lostAt === null)
      log?.(`redis ${why}: broadcasts reach this node's readers only until it is back`, error);
    outbox.lost(at);
  };
  client.on("error", (error: unknown) => lost(Date.now(), "connection lost", error));
  await client.connect();
  const streams = createAdapter(client, {
    streamName: `${prefix}:socket.io`,
    channelPrefix: `${prefix}:socket.io`,
    // Every event is JSON; skipping the binary scan saves a walk over each payload.
    onlyPlaintext: true,
  });
  const cluster = createRealtimeCluster({
    adapter: withOutageHandling(streams, outbox, {
      ready: () => client.isReady,
      late: (at) => lost(at, `took no message within ${PUBLISH_TIMEOUT_MS} ms`),
      back: () => resendAfterOutage(),
      log,
    }),
    onRemoteChange,
    // Destroyed, not closed: the adapter reads the stream on this connection with a blocking XREAD, which a
    // graceful close would wait out (up to 5 s) while the node is stopping.
    close: async () => client.destroy(),
  });
  const resendAfterOutage = () => {
    const lostAt = outbox.lostAt;
    const resend = outbox.back();
    if (lostAt === null) return;
    log?.(
      `redis answers again after ${Math.round((Date.now() - lostAt) / 1000)} s: ${resend.length} stream messages published again`,
    );
    for (const publish of resend) void publish().catch(() => undefined); // a failure keeps it in the outbox for next time
    cluster.resync();
  };
  client.on("ready", resendAfterOutage);
  return cluster;
}

/**
 * The stream messages (broadcasts, remote joins and leaves, disconnections) another node may not have
 * received: those of the last RESEND_WINDOW_MS while Redis answers, and every one since it stopped (up to
 * `max`, the newest). `back()` hands them over, oldest first, to be published again once Redis answers:
 * whatever arrives twice, readers drop by seq, and the newsroom's saves and removals apply the same again.
 */
export function createOutbox({ now = Date.now, windowMs = RESEND_WINDOW_MS, max = OUTBOX_MAX } = {}) {
  let kept: { at: number; publish: () => Promise<unknown> }[] = [];
  let lostAt: number | null = null;
  return {
    /** When Redis stopped answering (null: it answers). */
    get lostAt(): number | null {
      return lostAt;
    },
    /** A message as it is handed to Redis, and how to publish it again; returns when that was. */
    keep(publish: () => Promise<unknown>): number {
      const at = now();
      kept.push({ at, publish });
      let old = 0;
      while (old < kept.length && (kept.length - old > max || (lostAt === null && kept[old]!.at < at - windowMs)))
        old++;
      if (old) kept = kept.slice(old);
      return at;
    },
    /** Redis stopped answering at `at`: its connection failed, or a message kept then got no answer in time. */
    lost(at = now()): void {
      lostAt = Math.min(lostAt ?? at, at);
    },
    /** Redis answers again: what to publish again, oldest first. */
    back(): (() => Promise<unknown>)[] {
      if (lostAt === null) return [];
      const from = lostAt - windowMs;
      const resend = kept.filter((k) => k.at >= from).map((k) => k.publish);
      kept = [];
      lostAt = null;
      return resend;
    },
  };
}

export type Outbox = ReturnType<typeof createOutbox>;

type AdapterFactory = RealtimeCluster["adapter"];
/** ClusterAdapter's one method for handing a message to its transport (protected; every cluster adapter implements it). */
type Publishing = { doPublish(message: ClusterMessage): Promise<string> };

/**
 * The Redis Streams adapter, with every message it publishes passing the outbox: none is attempted while
 * Redis is away and none waits for it longer than PUBLISH_TIMEOUT_MS, so the cluster adapter, which
 * publishes a broadcast before sending it to this node's readers, sends it to them at once.
 */
export function withOutageHandling(
  streams: AdapterFactory,
  outbox: Outbox,
  redis: {
    ready(): boolean;
    /** A message kept at `at` got no answer in time. */
    late(at: number): void;
    /** Redis answers again. */
    back(): void;
    log?: (message: string, error?: unknown) => void;
  },
): AdapterFactory {
  const Streams = streams as unknown as new (nsp: Namespace) => ClusterAdapter;
  return function outageHandling(nsp: Namespace) {
    const adapter = new Streams(nsp);
    const transport = adapter as unknown as Publishing;
    if (typeof transport.doPublish !== "function") {
      // A start-up check: an upgrade that renamed it gets the adapter as it is, without outage handling.
      redis.log?.(
        "the Redis adapter has no doPublish: Redis outages will delay broadcasts (check @socket.io/redis-streams-adapter)",
      );
      return adapter;
    }
    const doPublish = transport.doPublish.bind(adapter);
    const publish = (message: ClusterMessage): Promise<string> => {
      const kept = worthResending(message);
      const at = kept ? outbox.keep(() => publish(message)) : 0;
      if (!redis.ready()) return Promise.reject(new Error("redis is away"));
      const answer = doPublish(message);
      if (kept) {
        answer.then(
          () => {
            // Redis took a message sent after it had stopped answering (even one given up on): it is back.
            if (outbox.lostAt !== null && at >= outbox.lostAt) redis.back();
          },
          () => undefined, // the caller hears of it
        );
      }
      return answeredWithin(answer, PUBLISH_TIMEOUT_MS, () => {
        if (kept) redis.late(at);
      });
    };
    transport.doPublish = publish;
    return adapter;
  };
}

/** What changes which sockets get what; acknowledged broadcasts, server-side emits and requests only matter now. */
function worthResending(message: ClusterMessage): boolean {
  switch (message.type) {
    case MessageType.BROADCAST:
      return message.data.requestId === undefined;
    case MessageType.SOCKETS_JOIN:
    case MessageType.SOCKETS_LEAVE:
    case MessageType.DISCONNECT_SOCKETS:
      return true;
    default:
      return false;
  }
}

/** `answer`, or a rejection after `ms` (calling `late`) if it takes longer; the command itself goes on. */
function answeredWithin<T>(answer: Promise<T>, ms: number, late: () => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      late();
      reject(new Error(`redis did not answer within ${ms} ms`));
    }, ms);
    answer.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

/** The counting and relaying part, separate from Redis so it can be tested with any adapter. */
export function createRealtimeCluster({
  adapter,
  onRemoteChange,
  close,
  now = Date.now,
}: {
  adapter: RealtimeCluster["adapter"];
  onRemoteChange: (slug: string | null) => void;
  close: () => Promise<void>;
  now?: () => number;
}): RealtimeCluster {
  const node = randomUUID();
  const remote = new Map<string, { seenAt: number; counts: Map<string, number> }>();
  const shared = new Map<string, number>();
  let io: ClusterIo | null = null;
  let heartbeat: ReturnType<typeof setInterval> | null = null;
  let sendCounts: (() => void) | null = null;

  const remoteReaders = (slug: string) => {
    let total = 0;
    for (const [id, peer] of remote) {
      if (peer.seenAt + STALE_NODE_MS < now()) remote.delete(id);
      else total += peer.counts.get(slug) ?? 0;
    }
    return total;
  };

  return {
    adapter,
    remoteReaders,
    shareReaders(slug, localCount) {
      // Only a change of our own count goes out, so a count heard from a peer never echoes back.
      if ((shared.get(slug) ?? 0) === localCount) return;
      if (localCount === 0) shared.delete(slug);
      else shared.set(slug, localCount);
      io?.serverSideEmit("cluster:readers", { node, counts: { [slug]: localCount }, full: false });
    },
    shareChange(slug) {
      io?.serverSideEmit("cluster:changed", { node, slug });
    },
    attach(server, hooks) {
      io = server;
      server.on("cluster:readers", ({ node: from, counts, full }) => {
        if (from === node) return;
        const peer = remote.get(from) ?? { seenAt: 0, counts: new Map<string, number>() };
        const before = new Map(peer.counts);
        if (full) peer.counts.clear();
        for (const [slug, count] of Object.entries(counts)) {
          if (count > 0) peer.counts.set(slug, count);
          else peer.counts.delete(slug);
        }
        const moved = new Set(
          [...before.keys(), ...peer.counts.keys()].filter((slug) => before.get(slug) !== peer.counts.get(slug)),
        );
        peer.seenAt = now();
        remote.set(from, peer);
        for (const slug of moved) hooks.readersChanged(slug);
      });
      server.on("cluster:changed", ({ node: from, slug }) => {
        if (from !== node) onRemoteChange(slug);
      });
      sendCounts = () => {
        const counts = hooks.localCounts();
        shared.clear();
        for (const [slug, count] of Object.entries(counts)) shared.set(slug, count);
        server.serverSideEmit("cluster:readers", { node, counts, full: true });
      };
      heartbeat = setInterval(sendCounts, HEARTBEAT_MS);
      heartbeat.unref();
    },
    resync() {
      // Changes made on other nodes meanwhile may not have been heard here, nor ours there.
      onRemoteChange(null);
      io?.serverSideEmit("cluster:changed", { node, slug: null });
      sendCounts?.();
    },
    async close() {
      if (heartbeat) clearInterval(heartbeat);
      io = null;
      await close();
    },
  };
}
