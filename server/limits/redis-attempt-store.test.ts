// Sign-in failures counted in the local Redis, and what happens when Redis goes away mid-flight.
import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { MemoryAttemptStore } from "./attempt-store";
import { FallbackAttemptStore, RedisAttemptStore, redisConnection } from "./redis-attempt-store";

const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const prefix = `liveline-test-${randomBytes(4).toString("hex")}`;
const redis = redisConnection(REDIS_URL);

afterAll(async () => {
  if (!redis.isOpen) return;
  for await (const keys of redis.scanIterator({ MATCH: `${prefix}*`, COUNT: 100 }))
    if (keys.length) await redis.del(keys);
  await redis.close();
});

describe("RedisAttemptStore", () => {
  const keyIn = (key: string) => `${prefix}:attempts:${key}`;

  it("counts in one window that the first attempt opens, and forgets on reset", async () => {
    await redis.connect();
    const store = new RedisAttemptStore(redis, prefix);
    const first = await store.take("login:email:a@x.org", 5, 60_000);
    expect(first).toMatchObject({ taken: true, count: 1 });
    const second = await store.take("login:email:a@x.org", 5, 60_000);
    expect(second).toMatchObject({ taken: true, count: 2 });
    // The second attempt does not move the window's end.
    expect(Math.abs(second.resetAt - first.resetAt)).toBeLessThan(1000);
    expect(first.resetAt - Date.now()).toBeGreaterThan(50_000);
    expect((await store.take("login:email:b@x.org", 5, 60_000)).count).toBe(1);
    await store.reset("login:email:a@x.org");
    expect(await redis.exists(keyIn("login:email:a@x.org"))).toBe(0);
    expect((await store.take("login:email:a@x.org", 5, 60_000)).count).toBe(1);
  });

  it("lets exactly the limit through when a hundred take at once (on two connections), counting none it refuses", async () => {
    const other = redisConnection(REDIS_URL);
    await other.connect();
    try {
      const stores = [new RedisAttemptStore(redis, prefix), new RedisAttemptStore(other, prefix)];
      const takes = await Promise.all(
        Array.from({ length: 100 }, (_, i) => stores[i % 2]!.take("login:ip:10.0.0.9", 5, 60_000)),
      );
      expect(takes.filter((t) => t.taken)).toHaveLength(5);
      expect(takes.filter((t) => !t.taken).every((t) => t.count === 5)).toBe(true);
      expect(await redis.get(keyIn("login:ip:10.0.0.9"))).toBe("5");
    } finally {
      other.destroy();
    }
  });

  it("gives back one at a time; the last one removes the key; a missing key stays missing (never a -1 that never expires)", async () => {
    const store = new RedisAttemptStore(redis, prefix);
    const key = "login:ip:10.0.0.10";
    await store.take(key, 5, 60_000);
    await store.take(key, 5, 60_000);
    await store.giveBack(key);
    expect(await redis.get(keyIn(key))).toBe("1");
    expect(await redis.pTTL(keyIn(key))).toBeGreaterThan(50_000);
    await store.giveBack(key);
    expect(await redis.exists(keyIn(key))).toBe(0);
    await store.giveBack(key);
    await store.giveBack("login:ip:never-seen");
    expect(await redis.exists([keyIn(key), keyIn("login:ip:never-seen")])).toBe(0);
  });

  it("falls back to this node's own counts at once when Redis is gone", async () => {
    const lost = redisConnection(REDIS_URL);
    await lost.connect();
    const store = new FallbackAttemptStore(new RedisAttemptStore(lost, prefix), new MemoryAttemptStore());
    expect((await store.take("login:ip:10.0.0.1", 5, 60_000)).count).toBe(1);
    lost.destroy();
    expect((await store.take("login:ip:10.0.0.1", 5, 60_000)).count).toBe(1); // a new count, in memory
    expect((await store.take("login:ip:10.0.0.1", 5, 60_000)).count).toBe(2);
    await store.giveBack("login:ip:10.0.0.1");
    expect((await store.take("login:ip:10.0.0.1", 5, 60_000)).count).toBe(2);
  });
});
