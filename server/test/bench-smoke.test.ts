// `npm run bench:smoke` (and npm test): the benchmark harness itself, small. 300 protocol-level readers and
// 3 socket.io-client readers on Liveline and on the raw ws baseline, 20 entries: every number is there and
// every entry reached every reader. It proves the harness measures what it claims, not any speed.
import { describe, expect, it } from "vitest";
import { optionsFromEnv, runBench } from "../../bench/run";

describe("the benchmark harness", () => {
  it("delivers every entry to 300 readers on Liveline and on raw ws, and reports every figure", async () => {
    const result = await runBench({
      ...optionsFromEnv({} as NodeJS.ProcessEnv),
      steps: [300],
      publishes: 20,
      publishGapMs: 50,
      httpSeconds: 1,
      httpConnections: 10,
      crossNodeReaders: 0,
      resultsDir: null,
      docsPath: null,
      log: () => undefined,
    });
    const [step] = result.steps;
    for (const side of [step!.liveline, step!.raw]) {
      expect(side.ready).toBe(300);
      expect(side.delivered).toBe(side.expected);
      expect(side.expected).toBe(300 * 20);
      for (const value of [
        side.latencyMs.p50,
        side.latencyMs.p95,
        side.latencyMs.p99,
        side.latencyMs.max,
        side.connectPerSecond,
        side.eventLoopDelayMs.p99,
      ])
        expect(Number.isFinite(value) && value >= 0).toBe(true);
      expect(side.latencyMs.p50).toBeLessThanOrEqual(side.latencyMs.max);
      expect(Number.isFinite(side.rssPerReaderBytes) && Number.isFinite(side.heapPerReaderBytes)).toBe(true);
    }
    expect(step!.liveline.checkers).toEqual({ readers: 3, delivered: 60, expected: 60 });
    expect(step!.page!.requests).toBeGreaterThan(0);
    expect(step!.page!.non2xx + step!.page!.errors).toBe(0);
    expect(step!.page!.queries).toBe(0);
  }, 60_000);
});
