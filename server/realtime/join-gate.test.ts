// The join gate on its own, with joins whose work ends when the test says: one at a time per connection,
// a burst then a rate, and a few at once per address with the rest waiting their turn.
import { describe, expect, it } from "vitest";
import { createJoinGate } from "./join-gate";

/** Work that ends when `finish` is called. */
function pending() {
  let finish!: () => void;
  const done = new Promise<string>((resolve) => (finish = () => resolve("done")));
  return { work: () => done, finish };
}

describe("the join gate", () => {
  it("refuses a connection's second join while its first is being answered, and takes it afterwards", async () => {
    const gate = createJoinGate({ perConnection: { burst: 5, perMinute: 30 } });
    const first = pending();
    const running = gate.run("c1", "a", first.work);
    expect(await gate.run("c1", "a", async () => "second")).toEqual({
      ok: false,
      error: expect.stringMatching(/already joining/),
    });
    // Another connection is not held up.
    expect(await gate.run("c2", "a", async () => "other")).toEqual({ ok: true, value: "other" });
    first.finish();
    expect(await running).toEqual({ ok: true, value: "done" });
    expect(await gate.run("c1", "a", async () => "third")).toEqual({ ok: true, value: "third" });
  });

  it("lets a burst through, then refuses with how long to wait", async () => {
    const gate = createJoinGate({ perConnection: { burst: 3, perMinute: 1 } });
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push(await gate.run("c", "a", async () => i));
    expect(answers.slice(0, 3)).toEqual([0, 1, 2].map((value) => ({ ok: true, value })));
    expect(answers.slice(3)).toEqual(
      [1, 2].map(() => ({ ok: false, error: expect.stringMatching(/joins too often; try again in \d+ s/) })),
    );
  });

  it("answers a few joins of one address at a time; the others wait and are served in turn", async () => {
    const gate = createJoinGate({ perConnection: { burst: 5, perMinute: 30 }, concurrentPerAddress: 2 });
    const joins = [pending(), pending(), pending()];
    const started: number[] = [];
    const results = joins.map((join, i) =>
      gate.run(`c${i}`, "one-address", () => {
        started.push(i);
        return join.work();
      }),
    );
    await new Promise((r) => setTimeout(r, 10));
    expect(started).toEqual([0, 1]);
    // Another address is not held up, nor is a join with little to do (no address: nothing to queue for).
    expect(await gate.run("elsewhere", "another-address", async () => "served")).toEqual({ ok: true, value: "served" });
    expect(await gate.run("light", null, async () => "served")).toEqual({ ok: true, value: "served" });
    joins[0]!.finish();
    await results[0];
    await new Promise((r) => setTimeout(r, 10));
    expect(started).toEqual([0, 1, 2]);
    joins[1]!.finish();
    joins[2]!.finish();
    expect(await Promise.all(results)).toEqual([0, 1, 2].map(() => ({ ok: true, value: "done" })));
  });
});
