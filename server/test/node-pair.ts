// Tests that run what a load balancer in front of Liveline relies on: on PostgreSQL + Redis, two nodes sharing
// the database and a Redis stream, channels and keys of their own (so parallel test files never hear each
// other); on SQLite (one process by design), node A alone.
import { randomBytes } from "node:crypto";
import { deleteRedisKeys, spawnServer, startTestServer, type SpawnedServer, type TestServer } from "./harness";

/** True when this run is on PostgreSQL (DATABASE_URL), where several nodes can share one database. */
export const postgres = /^postgres(ql)?:\/\//.test(process.env.DATABASE_URL ?? "");
export const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";

export interface NodePair {
  /** The first node, with the test's users seeded in its database. */
  a: TestServer;
  /** The second node on A's database and Redis; null on SQLite. */
  b: SpawnedServer | null;
  /** Both nodes' URLs, A first. */
  urls: string[];
  /** The environment both nodes run with (Redis prefix included): for a third node. */
  env: Record<string, string>;
  stop(): Promise<void>;
}

/** Starts node A with `env`, and on PostgreSQL node B beside it through Redis, both under the prefix `name`. */
export async function startNodePair(name: string, env: Record<string, string> = {}): Promise<NodePair> {
  const prefix = `liveline-${name}-${randomBytes(4).toString("hex")}`;
  const shared = postgres ? { ...env, REDIS_URL, REDIS_PREFIX: prefix } : env;
  const a = await startTestServer({ env: shared });
  let b: SpawnedServer | null = null;
  try {
    if (postgres) b = await spawnServer(a.databaseUrl, shared);
  } catch (error) {
    await a.dispose();
    throw error;
  }
  return {
    a,
    b,
    urls: b ? [a.url, b.url] : [a.url],
    env: shared,
    async stop() {
      await b?.stop();
      await a.dispose();
      if (postgres) await deleteRedisKeys(REDIS_URL, prefix);
    },
  };
}
