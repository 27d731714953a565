import { describe, expect, it } from "vitest";
import { createReadCache } from "./read-cache";

const deferred = <T>() => {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
};

describe("read cache", () => {
  it("loads a blog's value once until the blog changes, then once again", async () => {
    const cache = createReadCache({ ttlMs: 60_000 });
    let loads = 0;
    const load = async () => ++loads;
    expect(
      await Promise.all([cache.blog("a", "page", load), cache.blog("a", "page", load), cache.blog("a", "page", load)]),
    ).toEqual([1, 1, 1]);
    cache.blogChanged("b");
    expect(await cache.blog("a", "page", load)).toBe(1);
    cache.blogChanged("a");
    expect(await cache.blog("a", "page", load)).toBe(2);
    expect(loads).toBe(2);
  });

  it("never keeps a load that was in flight when its blog changed", async () => {
    const cache = createReadCache({ ttlMs: 60_000 });
    const before = deferred<string>();
    const first = cache.blog("a", "page", () => before.promise);
    cache.blogChanged("a"); // committed while the first load was reading
    const second = cache.blog("a", "page", async () => "after");
    before.resolve("before");
    expect(await first).toBe("before");
    expect(await second).toBe("after");
    expect(await cache.blog("a", "page", async () => "again")).toBe("after");
  });

  it("forgets failures and values it was told not to keep", async () => {
    const cache = createReadCache({ ttlMs: 60_000 });
    await expect(cache.blog("x", "page", () => Promise.reject(new Error("no such blog")))).rejects.toThrow();
    expect(await cache.blog("x", "page", async () => null, { keepIf: (v) => v !== null })).toBeNull();
    expect(await cache.blog("x", "page", async () => "now it exists", { keepIf: (v) => v !== null })).toBe(
      "now it exists",
    );
    expect(await cache.blog("x", "page", async () => "again")).toBe("now it exists");
  });

  it("drops site-wide values on any blog change, relays local changes but not remote ones", async () => {
    const relayed: (string | null)[] = [];
    const cache = createReadCache({ ttlMs: 60_000, relay: (slug) => relayed.push(slug) });
    let loads = 0;
    await cache.site("blogs", async () => ++loads);
    cache.applyRemoteChange("a");
    expect(await cache.site("blogs", async () => ++loads)).toBe(2);
    cache.blogChanged("a");
    cache.everythingChanged();
    expect(relayed).toEqual(["a", null]);
  });

  it("expires values after the TTL and caches nothing with a TTL of 0", async () => {
    let now = 0;
    const cache = createReadCache({ ttlMs: 1000, now: () => now });
    let loads = 0;
    await cache.blog("a", "page", async () => ++loads);
    now = 999;
    expect(await cache.blog("a", "page", async () => ++loads)).toBe(1);
    now = 1000;
    expect(await cache.blog("a", "page", async () => ++loads)).toBe(2);
    const off = createReadCache({ ttlMs: 0 });
    expect(await off.blog("a", "page", async () => ++loads)).toBe(3);
    expect(await off.blog("a", "page", async () => ++loads)).toBe(4);
  });

  it("keeps at most maxBlogs blogs, evicting the least recently used", async () => {
    const cache = createReadCache({ ttlMs: 60_000, maxBlogs: 2 });
    let loads = 0;
    await cache.blog("a", "page", async () => ++loads);
    await cache.blog("b", "page", async () => ++loads);
    await cache.blog("a", "page", async () => ++loads); // a is now the most recent
    await cache.blog("c", "page", async () => ++loads); // evicts b
    expect(cache.stats().blogs).toBe(2);
    expect(await cache.blog("a", "page", async () => ++loads)).toBe(1);
    expect(await cache.blog("b", "page", async () => ++loads)).toBe(4);
  });
});
