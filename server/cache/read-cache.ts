// What readers read, kept in the process until the blog changes. A spike of page views on a live blog
// then costs a few database queries per change instead of a few per view.
//
// Values are kept per blog (reader page data, the first pages of its entries, the blog itself) plus one
// site-wide slot for the blog list. `blogChanged(slug)` runs after every committed change readers can see
// (the effects of every commit are applied in one place, server/effects.ts, which calls it) and drops the
// blog's values and the site-wide ones; with several nodes it is also relayed to the others.
//
// A load in flight is shared by every request that asks meanwhile (one query burst per change, not one
// per concurrent view). A change drops the pending load too, so a load that read the database before the
// commit is never kept. A reader page rendered from a value a moment old is still correct: it joins its
// blog's events from the seq it was read at, and anything newer is replayed.

export interface ReadCache {
  /** The value `key` of blog `slug`, loaded at most once until the blog changes or the value expires. */
  blog<T>(slug: string, key: string, load: () => Promise<T>, options?: { keepIf?: (value: T) => boolean }): Promise<T>;
  /** A site-wide value (the list of blogs), dropped whenever any blog changes. */
  site<T>(key: string, load: () => Promise<T>): Promise<T>;
  /** After a committed change to a blog (or its creation): drop what was read about it, here and on other nodes. */
  blogChanged(slug: string): void;
  /** After a change that may show on every blog (an author renamed): drop everything, here and on other nodes. */
  everythingChanged(): void;
  /** Another node reported a change: drop it here only. */
  applyRemoteChange(slug: string | null): void;
  stats(): { blogs: number; hits: number; misses: number; invalidations: number };
}

export interface ReadCacheOptions {
  /** Maximum age of a value, as a backstop when a change notice is lost; 0 turns the cache off. */
  ttlMs: number;
  /** Blogs kept at most; the least recently used go first. */
  maxBlogs?: number;
  /** Values kept per blog at most (page variants, list sizes); beyond it new keys are loaded without being kept. */
  maxKeysPerBlog?: number;
  /** Relays a change to the other nodes (null: everything changed). */
  relay?: (slug: string | null) => void;
  now?: () => number;
}

interface Slot {
  value: Promise<unknown>;
  expiresAt: number;
}

export function createReadCache({
  ttlMs,
  maxBlogs = 1000,
  maxKeysPerBlog = 64,
  relay,
  now = Date.now,
}: ReadCacheOptions): ReadCache {
  const blogs = new Map<string, Map<string, Slot>>();
  const site = new Map<string, Slot>();
  const counters = { hits: 0, misses: 0, invalidations: 0 };

  function read<T>(
    slots: Map<string, Slot>,
    key: string,
    load: () => Promise<T>,
    keepIf?: (value: T) => boolean,
  ): Promise<T> {
    const cached = slots.get(key);
    if (ttlMs <= 0 || (!cached && slots.size >= maxKeysPerBlog && slots !== site)) return load();
    if (cached && cached.expiresAt > now()) {
      counters.hits++;
      return cached.value as Promise<T>;
    }
    counters.misses++;
    const slot: Slot = { value: load(), expiresAt: now() + ttlMs };
    slots.set(key, slot);
    // Errors (an unknown blog, a database hiccup) and values not worth keeping are never served twice.
    const forget = () => {
      if (slots.get(key) === slot) slots.delete(key);
    };
    (slot.value as Promise<T>).then((value) => (keepIf && !keepIf(value) ? forget() : undefined), forget);
    return slot.value as Promise<T>;
  }

  function slotsOf(slug: string): Map<string, Slot> {
    let slots = blogs.get(slug);
    if (slots) {
      // Most recently used last, so the first key is the one to evict.
      blogs.delete(slug);
    } else {
      slots = new Map();
      if (blogs.size >= maxBlogs) blogs.delete(blogs.keys().next().value as string);
    }
    blogs.set(slug, slots);
    return slots;
  }

  function drop(slug: string | null): void {
    counters.invalidations++;
    if (slug === null) blogs.clear();
    else blogs.delete(slug);
    site.clear();
  }

  return {
    blog: (slug, key, load, options) => read(slotsOf(slug), key, load, options?.keepIf),
    site: (key, load) => read(site, key, load),
    blogChanged(slug) {
      drop(slug);
      relay?.(slug);
    },
    everythingChanged() {
      drop(null);
      relay?.(null);
    },
    applyRemoteChange: drop,
    stats: () => ({ blogs: blogs.size, ...counters }),
  };
}
