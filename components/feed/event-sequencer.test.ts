import { describe, expect, it } from "vitest";
import type { BlogEvent } from "@/server/contracts/events";
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
