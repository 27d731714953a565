// Tells a blog's readers how many of them are watching. Room membership changes are frequent on a busy
// blog (every page view, every reconnect), so the count is read in O(1) from the room's size and sent
// at most once per interval per blog: the first change goes out at once, later ones within the interval
// are folded into one trailing send carrying the count at that moment.

export interface ReaderCountNotifier {
  /** A socket joined or left this blog's room. */
  changed(slug: string): void;
  /** Cancels pending sends (on shutdown). */
  close(): void;
}

export interface ReaderCountOptions {
  /** The number of sockets in the blog's room right now. */
  count: (slug: string) => number;
  send: (slug: string, count: number) => void;
  intervalMs?: number;
  now?: () => number;
}

export const READER_COUNT_INTERVAL_MS = 2000;

export function createReaderCountNotifier({
  count,
  send,
  intervalMs = READER_COUNT_INTERVAL_MS,
  now = Date.now,
}: ReaderCountOptions): ReaderCountNotifier {
  const blogs = new Map<string, { lastSentAt: number; timer: ReturnType<typeof setTimeout> | null }>();

  const sendNow = (slug: string) => {
    const readers = count(slug);
    send(slug, readers);
    // An empty room has nobody to throttle for; forgetting it keeps the map as small as the live blogs.
    if (readers === 0) blogs.delete(slug);
    else blogs.set(slug, { lastSentAt: now(), timer: null });
  };

  return {
    changed(slug) {
      const blog = blogs.get(slug);
      if (blog?.timer) return;
      const wait = blog ? blog.lastSentAt + intervalMs - now() : 0;
      if (wait <= 0) return sendNow(slug);
      const timer = setTimeout(() => sendNow(slug), wait);
      timer.unref?.();
      blogs.set(slug, { lastSentAt: blog!.lastSentAt, timer });
    },
    close() {
      for (const blog of blogs.values()) if (blog.timer) clearTimeout(blog.timer);
      blogs.clear();
    },
  };
}
