// How often and how many at once joins are served. A blog:join with `since` reads the event log and the
// entries it names, and answers with a replay; an admin:join looks a session up: work and memory an
// anonymous socket could ask for in a loop. So each connection joins one at a time and at a bounded rate,
// and one address has a few of the joins that read the database in progress at once (the rest wait their
// turn: a newsroom behind one NAT reconnecting after a deploy is served, just not all at the same instant).
import { TokenBuckets } from "../limits/token-bucket";

export interface JoinGateOptions {
  /** Joins one connection may make at once, then this many per minute (0: no limit). */
  perConnection: { burst: number; perMinute: number };
  /** Joins from one address served at the same time; the others queue. */
  concurrentPerAddress?: number;
}

export type JoinAdmission<T> = { ok: true; value: T } | { ok: false; error: string };

export interface JoinGate {
  /**
   * Runs `work` for one join of connection `id`, or says why not now. With an `address`, the join waits for
   * one of that address's slots (joins that read the log); null: a join with little to do, not queued.
   */
  run<T>(id: string, address: string | null, work: () => Promise<T>): Promise<JoinAdmission<T>>;
}

export function createJoinGate({ perConnection, concurrentPerAddress = 4 }: JoinGateOptions): JoinGate {
  const buckets = new TokenBuckets(perConnection);
  const joining = new Set<string>();
  const slots = new Map<string, { active: number; waiting: (() => void)[] }>();

  /** Waits for one of the address's join slots; the release hands it to the next in line. */
  const acquire = async (address: string) => {
    let slot = slots.get(address);
    if (!slot) slots.set(address, (slot = { active: 0, waiting: [] }));
    if (slot.active < concurrentPerAddress) slot.active += 1;
    else await new Promise<void>((resolve) => slot.waiting.push(resolve));
    return () => {
      const next = slot.waiting.shift();
      if (next) return next();
      slot.active -= 1;
      if (slot.active === 0) slots.delete(address);
    };
  };

  return {
    async run(id, address, work) {
      if (joining.has(id)) return { ok: false, error: "this connection is already joining; wait for its answer" };
      const take = buckets.take(id);
      if (!take.ok)
        return { ok: false, error: `this connection joins too often; try again in ${take.retryAfterSeconds} s` };
      joining.add(id);
      const release = address === null ? () => undefined : await acquire(address);
      try {
        return { ok: true, value: await work() };
      } finally {
        release();
        joining.delete(id);
      }
    },
  };
}
