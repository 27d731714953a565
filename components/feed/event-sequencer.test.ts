import { describe, expect, it } from "vitest";
import type { BlogEvent } from "@/common/contracts/events";
import { EventSequencer } from "./event-sequencer";

const ev = (seq: number): BlogEvent => ({ type: "entry:deleted", payload: { blog: "b", seq, id: `e${seq}` } });

describe("EventSequencer", () => {
  it("applies each event once, in seq order, holding early arrivals until the gap fills", () => {
    const applied: number[] = [];
    const s = new EventSequencer(10, (e) => applied.push(e.payload.seq));
    s.push(ev(9));
    s.push(ev(10));
    s.push(ev(11));
    s.push(ev(13));
    expect(applied).toEqual([11]);
    expect(s.hasGap).toBe(true);
    s.push(ev(13));
    s.push(ev(12));
    expect(applied).toEqual([11, 12, 13]);
    expect(s.hasGap).toBe(false);
    s.push(ev(12));
    expect(applied).toEqual([11, 12, 13]);
    expect(s.seq).toBe(13);
  });

  it("forgets what a reset covers", () => {
    const applied: number[] = [];
    const s = new EventSequencer(0, (e) => applied.push(e.payload.seq));
    s.push(ev(3));
    s.push(ev(6));
    s.reset(5);
    expect(applied).toEqual([6]);
    expect(s.seq).toBe(6);
  });
});

describe("EventSequencer.applyPage", () => {
  it("applies a coalesced page as a whole: the seqs it skips are covered, older live events are dropped", () => {
    const applied: number[] = [];
    const s = new EventSequencer(3, (e) => applied.push(e.payload.seq));
    // Live events that raced ahead of the replay: 6 is covered by the page, 9 comes after it.
    s.push(ev(6));
    s.push(ev(9));
    s.applyPage(3, 8, [ev(5), ev(8)]);
    expect(applied).toEqual([5, 8, 9]);
    expect(s.seq).toBe(9);
    expect(s.hasGap).toBe(false);
  });

  it("skips what live events already applied, and moves to the page's end even when its last change is earlier", () => {
    const applied: number[] = [];
    const s = new EventSequencer(3, (e) => applied.push(e.payload.seq));
    s.push(ev(4));
    s.push(ev(5));
    s.applyPage(3, 7, [ev(4), ev(6)]);
    expect(applied).toEqual([4, 5, 6]);
    expect(s.seq).toBe(7);
  });

  it("does not vouch for seqs before the page's since: its events wait like live ones", () => {
    const applied: number[] = [];
    const s = new EventSequencer(2, (e) => applied.push(e.payload.seq));
    s.applyPage(4, 6, [ev(6)]);
    expect(applied).toEqual([]);
    expect(s.seq).toBe(2);
    expect(s.hasGap).toBe(true);
  });
});
