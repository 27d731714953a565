import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createReaderCountNotifier } from "./reader-count";

describe("createReaderCountNotifier", () => {
  beforeEach(() => vi.useFakeTimers({ now: 0 }));
  afterEach(() => vi.useRealTimers());

  function setup() {
    const rooms = new Map<string, number>();
    const sent: Array<[string, number]> = [];
    const notifier = createReaderCountNotifier({
      count: (slug) => rooms.get(slug) ?? 0,
      send: (slug, count) => sent.push([slug, count]),
      intervalMs: 2000,
      now: () => Date.now(),
    });
    const join = (slug: string) => {
      rooms.set(slug, (rooms.get(slug) ?? 0) + 1);
      notifier.changed(slug);
    };
    const leave = (slug: string) => {
      rooms.set(slug, (rooms.get(slug) ?? 0) - 1);
      notifier.changed(slug);
    };
    return { sent, join, leave, notifier };
  }

  it("sends the first change at once and folds a burst into one trailing send with the latest count", () => {
    const { sent, join, leave } = setup();
    join("a");
    expect(sent).toEqual([["a", 1]]);
    join("a");
    join("a");
    leave("a");
    join("a");
    expect(sent).toEqual([["a", 1]]);
    vi.advanceTimersByTime(1999);
    expect(sent).toEqual([["a", 1]]);
    vi.advanceTimersByTime(1);
    expect(sent).toEqual([
      ["a", 1],
      ["a", 3],
    ]);
  });

  it("throttles each blog on its own", () => {
    const { sent, join } = setup();
    join("a");
    join("b");
    join("a");
    expect(sent).toEqual([
      ["a", 1],
      ["b", 1],
    ]);
    vi.advanceTimersByTime(2000);
    expect(sent).toEqual([
      ["a", 1],
      ["b", 1],
      ["a", 2],
    ]);
  });

  it("sends at once again after a quiet interval, and forgets a blog whose room is empty", () => {
    const { sent, join, leave } = setup();
    join("a");
    vi.advanceTimersByTime(5000);
    leave("a");
    expect(sent).toEqual([
      ["a", 1],
      ["a", 0],
    ]);
    join("a");
    expect(sent).toEqual([
      ["a", 1],
      ["a", 0],
      ["a", 1],
    ]);
  });

  it("sends nothing after close", () => {
    const { sent, join, notifier } = setup();
    join("a");
    join("a");
    notifier.close();
    vi.advanceTimersByTime(5000);
    expect(sent).toEqual([["a", 1]]);
  });
});
