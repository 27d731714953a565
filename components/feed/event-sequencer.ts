// Applies events in seq order, exactly once. Out-of-order arrivals wait; a gap is reported so the
// caller can fetch the missing events from the log, which answers with replay pages (applyPage).
import type { BlogEvent } from "@/common/contracts/events";

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

  /**
   * A replay page asked for with `since`: every change after it up to `upTo`, one event per entry as it
   * is now (server/db/events.ts). The seqs it does not mention are covered by it, so the sequencer moves
   * to `upTo`; live events waiting at or before it are older than what the page shows and are dropped.
   * A page that starts after what was applied cannot vouch for the seqs in between: its events then
   * count one by one and the gap stays to be filled.
   */
  applyPage(since: number, upTo: number, events: readonly BlogEvent[]): void {
    if (since > this.lastApplied) {
      for (const event of events) this.push(event);
      return;
    }
    for (const event of events) {
      if (event.payload.seq <= this.lastApplied) continue;
      this.lastApplied = event.payload.seq;
      this.apply(event);
    }
    this.reset(Math.max(this.lastApplied, upTo));
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
