import { describe, expect, it } from "vitest";
import { MemoryAttemptStore } from "./attempt-store";
import { clientAddress } from "./client-address";
import { TokenBuckets } from "./token-bucket";

describe("TokenBuckets", () => {
  it("allows a burst, then refills at the rate, per key", () => {
    let now = 0;
    const buckets = new TokenBuckets({ perMinute: 60, burst: 3 }, () => now);
    expect([1, 2, 3].map(() => buckets.take("a").ok)).toEqual([true, true, true]);
    expect(buckets.take("a")).toEqual({ ok: false, retryAfterSeconds: 1 });
    expect(buckets.take("b").ok).toBe(true);
    now += 1000;
    expect(buckets.take("a").ok).toBe(true);
    expect(buckets.take("a").ok).toBe(false);
    now += 60_000;
    expect([1, 2, 3, 4].map(() => buckets.take("a").ok)).toEqual([true, true, true, false]);
  });

  it("a rate of 0 never limits", () => {
    const buckets = new TokenBuckets({ perMinute: 0, burst: 1 });
    for (let i = 0; i < 100; i++) expect(buckets.take("a").ok).toBe(true);
  });
});

describe("MemoryAttemptStore", () => {
  it("counts in a window that opens with the first attempt and forgets it after", async () => {
    let now = 1000;
    const store = new MemoryAttemptStore(() => now);
    expect(await store.take("k", 5, 500)).toEqual({ taken: true, count: 1, resetAt: 1500 });
    now = 1400;
    expect(await store.take("k", 5, 500)).toEqual({ taken: true, count: 2, resetAt: 1500 });
    now = 1500;
    expect(await store.take("k", 5, 500)).toEqual({ taken: true, count: 1, resetAt: 2000 });
    await store.reset("k");
    expect(await store.take("k", 5, 500)).toEqual({ taken: true, count: 1, resetAt: 2000 });
  });

  it("takes no more than the limit, however many ask at once, and counts nothing it refuses", async () => {
    const store = new MemoryAttemptStore();
    const takes = await Promise.all(Array.from({ length: 100 }, () => store.take("k", 5, 60_000)));
    expect(takes.filter((t) => t.taken)).toHaveLength(5);
    expect(takes.filter((t) => !t.taken).every((t) => t.count === 5)).toBe(true);
    // A refused take did not count: one given back makes room for exactly one more.
    await store.giveBack("k");
    expect((await store.take("k", 5, 60_000)).taken).toBe(true);
    expect((await store.take("k", 5, 60_000)).taken).toBe(false);
  });

  it("gives back one attempt at a time, never below zero; an empty window is forgotten", async () => {
    let now = 1000;
    const store = new MemoryAttemptStore(() => now);
    await store.take("k", 5, 500);
    await store.take("k", 5, 500);
    await store.giveBack("k");
    expect(await store.take("k", 5, 500)).toMatchObject({ count: 2, resetAt: 1500 });
    await store.giveBack("k");
    await store.giveBack("k");
    await store.giveBack("k");
    await store.giveBack("missing");
    now = 1200;
    // Nothing left in the old window: the next attempt opens a new one.
    expect(await store.take("k", 5, 500)).toEqual({ taken: true, count: 1, resetAt: 1700 });
  });
});

describe("clientAddress", () => {
  it("ignores X-Forwarded-For unless proxies are trusted", () => {
    expect(clientAddress("10.0.0.1", "1.2.3.4", 0)).toBe("10.0.0.1");
    expect(clientAddress("::ffff:10.0.0.1", undefined, 0)).toBe("10.0.0.1");
    expect(clientAddress(undefined, undefined, 0)).toBe("unknown");
  });

  it("with N trusted proxies, takes the address N from the end (what the client wrote further left proves nothing)", () => {
    expect(clientAddress("10.0.0.1", "1.2.3.4", 1)).toBe("1.2.3.4");
    expect(clientAddress("10.0.0.1", "6.6.6.6, 1.2.3.4", 1)).toBe("1.2.3.4");
    expect(clientAddress("10.0.0.1", "6.6.6.6, 1.2.3.4, 10.0.0.2", 2)).toBe("1.2.3.4");
    expect(clientAddress("10.0.0.1", ["6.6.6.6", "1.2.3.4"], 1)).toBe("1.2.3.4");
    expect(clientAddress("10.0.0.1", "1.2.3.4", 3)).toBe("1.2.3.4");
    expect(clientAddress("10.0.0.1", "", 1)).toBe("10.0.0.1");
  });
});
