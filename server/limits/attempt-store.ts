// Counting sign-in attempts per key in fixed windows. In memory here, for one process; with REDIS_URL
// the process counts in Redis instead (redis-attempt-store.ts), so every node sees every attempt.
//
// An attempt is taken *before* the password is checked and kept when it turns out wrong; a right one
// gives its attempt back. Taking is one atomic step that also checks the limit, so a burst of parallel
// requests cannot all pass a check made before any of them is counted.

export interface AttemptCount {
  count: number;
  /** When the window that holds these attempts ends (ms since the epoch). */
  resetAt: number;
}

export interface AttemptTake extends AttemptCount {
  /** False when the key already held `max` attempts: nothing was counted. */
  taken: boolean;
}

export interface AttemptStore {
  /**
   * Counts one more attempt unless the key already holds `max`, as one atomic step: of any number of
   * callers at once, at most `max` are let through. The first attempt opens a window of `windowMs`.
   */
  take(key: string, max: number, windowMs: number): Promise<AttemptTake>;
  /** Gives back one attempt taken by `take` (the password was right, or never checked); never below zero. */
  giveBack(key: string): Promise<void>;
  /** Forgets every attempt of the key. */
  reset(key: string): Promise<void>;
}

export class MemoryAttemptStore implements AttemptStore {
  private readonly windows = new Map<string, AttemptCount>();
  private lastSweep = 0;

  constructor(private readonly now: () => number = Date.now) {}

  // No await inside: the check and the count happen in one turn of the event loop.
  async take(key: string, max: number, windowMs: number): Promise<AttemptTake> {
    const now = this.now();
    this.sweep(now);
    const current = this.live(key, now);
    if (current && current.count >= max) return { taken: false, ...current };
    const next = current
      ? { count: current.count + 1, resetAt: current.resetAt }
      : { count: 1, resetAt: now + windowMs };
    this.windows.set(key, next);
    return { taken: true, ...next };
  }

  async giveBack(key: string): Promise<void> {
    const current = this.live(key, this.now());
    if (!current) return;
    // A window with nothing in it is forgotten: the next failure opens a new one.
    if (current.count <= 1) this.windows.delete(key);
    else this.windows.set(key, { count: current.count - 1, resetAt: current.resetAt });
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
