// Rate limits as token buckets per key: `burst` requests at once, refilled at `perMinute`. In memory, per process.

export type Take = { ok: true } | { ok: false; retryAfterSeconds: number };

interface Bucket {
  tokens: number;
  at: number;
}

export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();
  private lastSweep = 0;
  private readonly perMs: number;

  constructor(
    private readonly options: { perMinute: number; burst: number },
    private readonly now: () => number = Date.now,
  ) {
    this.perMs = options.perMinute / 60_000;
  }

  /** Takes one token for `key`; when none is left, says how long until one is. A rate of 0 never limits. */
  take(key: string): Take {
    if (this.options.perMinute <= 0) return { ok: true };
    const now = this.now();
    this.sweep(now);
    const bucket = this.buckets.get(key) ?? { tokens: this.options.burst, at: now };
    const tokens = Math.min(this.options.burst, bucket.tokens + (now - bucket.at) * this.perMs);
    if (tokens >= 1) {
      this.buckets.set(key, { tokens: tokens - 1, at: now });
      return { ok: true };
    }
    this.buckets.set(key, { tokens, at: now });
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - tokens) / this.perMs / 1000)) };
  }

  /** Full buckets hold nothing worth keeping; drop them now and then. */
  private sweep(now: number): void {
    if (now - this.lastSweep < 60_000) return;
    this.lastSweep = now;
    for (const [key, bucket] of this.buckets) {
      if (bucket.tokens + (now - bucket.at) * this.perMs >= this.options.burst) this.buckets.delete(key);
    }
  }
}
