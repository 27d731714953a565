// Sign-in attempts counted in Redis (REDIS_URL), so several nodes behind one load balancer throttle
// together: five wrong passwords spread over three nodes are five, not one or two on each.
// A window is a counter with an expiry. Taking and giving back are small Lua scripts, because Redis runs
// a script as one step: INCR's own answer decides, and an attempt over the limit is undone before any
// other client can see it.
import { createClient } from "redis";
import { MemoryAttemptStore, type AttemptStore, type AttemptTake } from "./attempt-store";

// KEYS[1] the counter; ARGV[1] the window (ms), ARGV[2] the most attempts. Answers { taken, count, ttl }.
// The window is set whenever the key has none, not only when INCR answers 1, so a key can never live for ever.
const TAKE = `
local count = redis.call('INCR', KEYS[1])
if redis.call('PTTL', KEYS[1]) < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
if count > tonumber(ARGV[2]) then
  return {0, redis.call('DECR', KEYS[1]), ttl}
end
return {1, count, ttl}
`;

// DECR on a missing key would make a -1 with no expiry: only an existing count is lowered, and one that
// reaches zero is removed, so the next failure opens a new window.
const GIVE_BACK = `
local count = tonumber(redis.call('GET', KEYS[1]) or '0')
if count <= 1 then redis.call('DEL', KEYS[1]) else redis.call('DECR', KEYS[1]) end
return 0
`;

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

  async take(key: string, max: number, windowMs: number): Promise<AttemptTake> {
    const answer = await this.redis.eval(TAKE, {
      keys: [this.keyOf(key)],
      arguments: [String(Math.ceil(windowMs)), String(max)],
    });
    const [taken, count, ttl] = (answer as unknown[]).map(Number) as [number, number, number];
    return { taken: taken === 1, count, resetAt: Date.now() + Math.max(0, ttl) };
  }

  async giveBack(key: string): Promise<void> {
    await this.redis.eval(GIVE_BACK, { keys: [this.keyOf(key)] });
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

  take(key: string, max: number, windowMs: number): Promise<AttemptTake> {
    return this.either((store) => store.take(key, max, windowMs));
  }

  giveBack(key: string): Promise<void> {
    return this.either((store) => store.giveBack(key));
  }

  reset(key: string): Promise<void> {
    return this.either((store) => store.reset(key));
  }
}

/** A store on its own Redis connection, falling back to memory while Redis is away; `close` ends it (on shutdown). */
export async function connectRedisAttemptStore(
  url: string,
  prefix: string,
  log?: (message: string, error?: unknown) => void,
) {
  const redis = redisConnection(url);
  redis.on("error", (error: unknown) => log?.("redis error (sign-in throttling)", error));
  await redis.connect();
  const store = new FallbackAttemptStore(new RedisAttemptStore(redis, prefix), new MemoryAttemptStore(), log);
  return { store, close: () => redis.close().then(() => undefined) };
}
