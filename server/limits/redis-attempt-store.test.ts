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
  for await (const keys of redis.scanIterator({ MATCH: `${prefix}*`, COUNT: 100 })) if (keys.length) await redis.del(keys);
  await redis.close();
});

describe("RedisAttemptStore", () => {
  it("counts in one window that the first attempt opens, and forgets on reset", async () => {
    await redis.connect();
    const store = new RedisAttemptStore(redis, prefix);
    const first = await store.increment("login:email:a@x.org", 60_000);
    expect(first.count).toBe(1);
    const second = await store.increment("login:email:a@x.org", 60_000);
    expect(second.count).toBe(2);
    // The second attempt does not move the window's end.
    expect(Math.abs(second.resetAt - first.resetAt)).toBeLessThan(1000);
    expect(first.resetAt - Date.now()).toBeGreaterThan(50_000);
    expect(await store.get("login:email:a@x.org")).toMatchObject({ count: 2 });
    expect(await store.get("login:email:b@x.org")).toBeNull();
    await store.reset("login:email:a@x.org");
    expect(await store.get("login:email:a@x.org")).toBeNull();
  });

  it("falls back to this node's own counts at once when Redis is gone", async () => {
    const lost = redisConnection(REDIS_URL);
    await lost.connect();
    const store = new FallbackAttemptStore(new RedisAttemptStore(lost, prefix), new MemoryAttemptStore());
    expect((await store.increment("login:ip:10.0.0.1", 60_000)).count).toBe(1);
    lost.destroy();
    expect((await store.increment("login:ip:10.0.0.1", 60_000)).count).toBe(1); // a new count, in memory
    expect((await store.increment("login:ip:10.0.0.1", 60_000)).count).toBe(2);
    expect(await store.get("login:ip:10.0.0.1")).toMatchObject({ count: 2 });
  });
});
