// Several Liveline nodes behind one load balancer share their readers through Redis (REDIS_URL).
//
// - socket.io's Redis Streams adapter carries every room emit to every node: an entry published on node
//   A reaches readers connected to node B, newsroom rooms and disconnectSockets() work across nodes, and
//   socket.io's connection state recovery keeps working (sessions are stored in Redis).
// - Nodes tell each other, with serverSideEmit, how many readers of each blog they hold, so every reader
//   sees the total; and which blog changed, so every node drops its cached reads (server/cache/).
//
// Limits (docs/deploy.md): serverSideEmit goes through Redis pub/sub, not the stream, so a cache drop may
// reach a node a moment after the event itself (a page rendered meanwhile is healed by the replay from its
// seq); reader counts from another node are up to READER_COUNT_INTERVAL_MS + one hop old, and a node that
// dies stops counting after STALE_NODE_MS.
import { randomUUID } from "node:crypto";
import { createAdapter } from "@socket.io/redis-streams-adapter";
import { createClient } from "redis";
import type { Server, ServerOptions } from "socket.io";

/** What nodes tell each other (socket.io's InterServerEvents). */
export interface ClusterEvents {
  /** A node's reader counts: `full` replaces everything it said before (a heartbeat), else just these blogs. */
  "cluster:readers": (message: { node: string; counts: Record<string, number>; full: boolean }) => void;
  /** A blog changed (null: everything did): drop cached reads of it. */
  "cluster:changed": (message: { node: string; slug: string | null }) => void;
}

export interface RealtimeCluster {
  /** The socket.io adapter to construct the server with. */
  adapter: NonNullable<ServerOptions["adapter"]>;
  /** Readers of this blog connected to the other nodes, as they last told us. */
  remoteReaders(slug: string): number;
  /** This node's readers of a blog, whenever it tells its own readers the count. */
  shareReaders(slug: string, localCount: number): void;
  /** Tells the other nodes a blog changed. */
  shareChange(slug: string | null): void;
  /** Once the socket.io server exists: listen to the other nodes. */
  attach(io: ClusterIo, hooks: ClusterHooks): void;
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

export interface RedisClusterOptions {
  url: string;
  /** Names this deployment's stream, pub/sub channels and session keys. */
  prefix: string;
  log?: (message: string, error?: unknown) => void;
  /** Another node reported a change (null: everything changed): drop cached reads. */
  onRemoteChange(slug: string | null): void;
}

export async function connectRedisCluster({ url, prefix, log, onRemoteChange }: RedisClusterOptions): Promise<RealtimeCluster> {
  const client = createClient({ url });
  client.on("error", (error: unknown) => log?.("redis error", error));
  await client.connect();
  const adapter = createAdapter(client, {
    streamName: `${prefix}:socket.io`,
    channelPrefix: `${prefix}:socket.io`,
    sessionKeyPrefix: `${prefix}:socket.io:session:`,
    // Every event is JSON; skipping the binary scan saves a walk over each payload.
    onlyPlaintext: true,
  });
  // Destroyed, not closed: the adapter reads the stream on this connection with a blocking XREAD, which a
  // graceful close would wait out (up to 5 s) while the node is stopping.
  return createRealtimeCluster({ adapter, onRemoteChange, close: async () => client.destroy() });
}

/** The counting and relaying part, separate from Redis so it can be tested with any adapter. */
export function createRealtimeCluster({
  adapter,
  onRemoteChange,
  close,
  now = Date.now,
}: {
  adapter: RealtimeCluster["adapter"];
  onRemoteChange(slug: string | null): void;
  close: () => Promise<void>;
  now?: () => number;
}): RealtimeCluster {
  const node = randomUUID();
  const remote = new Map<string, { seenAt: number; counts: Map<string, number> }>();
  const shared = new Map<string, number>();
  let io: ClusterIo | null = null;
  let heartbeat: ReturnType<typeof setInterval> | null = null;

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
        const moved = new Set([...before.keys(), ...peer.counts.keys()].filter((slug) => before.get(slug) !== peer.counts.get(slug)));
        peer.seenAt = now();
        remote.set(from, peer);
        for (const slug of moved) hooks.readersChanged(slug);
      });
      server.on("cluster:changed", ({ node: from, slug }) => {
        if (from !== node) onRemoteChange(slug);
      });
      heartbeat = setInterval(() => {
        const counts = hooks.localCounts();
        shared.clear();
        for (const [slug, count] of Object.entries(counts)) shared.set(slug, count);
        server.serverSideEmit("cluster:readers", { node, counts, full: true });
      }, HEARTBEAT_MS);
      heartbeat.unref();
    },
    async close() {
      if (heartbeat) clearInterval(heartbeat);
      io = null;
      await close();
    },
  };
}
