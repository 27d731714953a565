// Failed sign-ins counted in Redis (REDIS_URL), so several nodes behind one load balancer throttle
// together: five wrong passwords spread over three nodes are five, not one or two on each.
// A window is a counter with an expiry: INCR, then PEXPIRE NX opens the window on the first attempt only.
import { createClient } from "redis";
import { MemoryAttemptStore, type AttemptCount, type AttemptStore } from "./attempt-store";

/** A Redis connection for these counts: commands fail at once while disconnected, instead of waiting in an offline queue. */
export function redisConnection(url: string) {
  return createClient({ url, disableOfflineQueue: true });
}

type Redis = ReturnType<typeof redisConnection>;

export class RedisAttemptStore implements AttemptStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  private keyOf(key: string): string {
    return `${this.prefix}:attempts:${key}`;
  }

  async increment(key: string, windowMs: number): Promise<AttemptCount> {
    const k = this.keyOf(key);
    const [count, , ttl] = await this.redis.multi().incr(k).pExpire(k, windowMs, "NX").pTTL(k).exec();
    return { count: Number(count), resetAt: Date.now() + Math.max(0, Number(ttl)) };
  }

  async get(key: string): Promise<AttemptCount | null> {
    const k = this.keyOf(key);
    const [count, ttl] = await this.redis.multi().get(k).pTTL(k).exec();
    if (count === null || Number(ttl) < 0) return null;
    return { count: Number(count), resetAt: Date.now() + Number(ttl) };
  }

  async reset(key: string): Promise<void> {
    await this.redis.del(this.keyOf(key));
  }
}

/**
 * While Redis cannot be reached, sign-in goes on with this node's own counts rather than hanging or
 * failing: throttling per node, as without Redis, until it is back.
 */
export class FallbackAttemptStore implements AttemptStore {
  constructor(
    private readonly primary: AttemptStore,
    private readonly fallback: AttemptStore,
    private readonly log?: (message: string, error?: unknown) => void,
  ) {}

  private async either<T>(work: (store: AttemptStore) => Promise<T>): Promise<T> {
    try {
      return await work(this.primary);
    } catch (error) {
      this.log?.("sign-in throttling: Redis unavailable, counting on this node", error);
      return work(this.fallback);
    }
  }

  increment(key: string, windowMs: number): Promise<AttemptCount> {
    return this.either((store) => store.increment(key, windowMs));
  }

  get(key: string): Promise<AttemptCount | null> {
    return this.either((store) => store.get(key));
  }

  reset(key: string): Promise<void> {
    return this.either((store) => store.reset(key));
  }
}

/** A store on its own Redis connection, falling back to memory while Redis is away; `close` ends it (on shutdown). */
export async function connectRedisAttemptStore(url: string, prefix: string, log?: (message: string, error?: unknown) => void) {
  const redis = redisConnection(url);
  redis.on("error", (error: unknown) => log?.("redis error (sign-in throttling)", error));
  await redis.connect();
  const store = new FallbackAttemptStore(new RedisAttemptStore(redis, prefix), new MemoryAttemptStore(), log);
  return { store, close: () => redis.close().then(() => undefined) };
}
