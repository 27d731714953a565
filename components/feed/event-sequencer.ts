// Applies events in seq order, exactly once. Out-of-order arrivals wait; a gap is reported so the
// caller can fetch the missing events from the log.
import type { BlogEvent } from "@/server/contracts/events";

export class EventSequencer {
  private pending = new Map<number, BlogEvent>();

  constructor(
    private lastApplied: number,
    private readonly apply: (event: BlogEvent) => void,
  ) {}

  get seq(): number {
    return this.lastApplied;
  }

  /** True when an event is waiting on a missing earlier one. */
  get hasGap(): boolean {
    return this.pending.size > 0;
  }

  push(event: BlogEvent): void {
    const seq = event.payload.seq;
    if (seq <= this.lastApplied || this.pending.has(seq)) return;
    this.pending.set(seq, event);
    this.drain();
  }

  /** After a full reload of the page's data at `seq`, forget everything at or before it. */
  reset(seq: number): void {
    this.lastApplied = seq;
    for (const key of this.pending.keys()) if (key <= seq) this.pending.delete(key);
    this.drain();
  }

  private drain(): void {
    for (;;) {
      const next = this.pending.get(this.lastApplied + 1);
      if (!next) return;
      this.pending.delete(this.lastApplied + 1);
      this.lastApplied += 1;
      this.apply(next);
    }
  }
}
