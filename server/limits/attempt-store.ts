// Counting failed attempts (sign-ins) per key in fixed windows. In memory here, for one process; with
// REDIS_URL the process counts in Redis instead (redis-attempt-store.ts), so every node sees every failure.

export interface AttemptCount {
  count: number;
  /** When the window that holds these attempts ends (ms since the epoch). */
  resetAt: number;
}

export interface AttemptStore {
  /** Counts one more attempt; the first one opens a window of `windowMs`. */
  increment(key: string, windowMs: number): Promise<AttemptCount>;
  /** The attempts in the key's current window, or null when it has none. */
  get(key: string): Promise<AttemptCount | null>;
  reset(key: string): Promise<void>;
}

export class MemoryAttemptStore implements AttemptStore {
  private readonly windows = new Map<string, AttemptCount>();
  private lastSweep = 0;

  constructor(private readonly now: () => number = Date.now) {}

  async increment(key: string, windowMs: number): Promise<AttemptCount> {
    const now = this.now();
    this.sweep(now);
    const current = this.live(key, now);
    const next = current ? { count: current.count + 1, resetAt: current.resetAt } : { count: 1, resetAt: now + windowMs };
    this.windows.set(key, next);
    return next;
  }

  async get(key: string): Promise<AttemptCount | null> {
    return this.live(key, this.now());
  }

  async reset(key: string): Promise<void> {
    this.windows.delete(key);
  }

  private live(key: string, now: number): AttemptCount | null {
    const window = this.windows.get(key);
    if (!window) return null;
    if (window.resetAt > now) return window;
    this.windows.delete(key);
    return null;
  }

  /** Forgets ended windows now and then, so a flood of one-off keys cannot grow the map for ever. */
  private sweep(now: number): void {
    if (now - this.lastSweep < 60_000) return;
    this.lastSweep = now;
    for (const [key, window] of this.windows) if (window.resetAt <= now) this.windows.delete(key);
  }
}
