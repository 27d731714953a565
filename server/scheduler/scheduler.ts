// Publishes SCHEDULED entries when they are due. Every node runs one; each entry still publishes
// exactly once, because publishing it is a conditional claim (see publishScheduledEntry).
import type { EntryDTO } from "@/common/contracts/dto";
import { findDueEntryIds, publishScheduledEntry } from "../db/entries";
import type { Db } from "../db/types";
import type { Committed } from "../effects";

/** Publishes every entry due at `now` and returns what changed, for the caller to apply after the commits. */
export async function publishDueEntries(db: Db, now: Date = new Date()): Promise<Committed<EntryDTO>[]> {
  const published: Committed<EntryDTO>[] = [];
  for (;;) {
    const ids = await findDueEntryIds(db, now);
    let claimed = 0;
    for (const id of ids) {
      const change = await publishScheduledEntry(db, id, now);
      if (change) {
        published.push(change);
        claimed++;
      }
    }
    // A full batch may mean more are due (a node that was down for a while); lost claims mean another node has them.
    if (ids.length < 100 || claimed === 0) return published;
  }
}

export interface SchedulerOptions {
  db: Db;
  /** Applies each published entry's effects once its transaction has committed (runtime.apply). */
  apply: (change: Committed<EntryDTO>) => unknown;
  intervalMs?: number;
  log?: (message: string, error?: unknown) => void;
}

export interface Scheduler {
  /** Stops ticking and waits for a run in progress, so the database can be closed after it. */
  stop(): Promise<void>;
}

/** Runs publishDueEntries at once (overdue entries from before a restart go out now) and then every intervalMs. */
export function startScheduler({ db, apply, intervalMs = 1000, log }: SchedulerOptions): Scheduler {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();

  const tick = () => {
    running = publishDueEntries(db)
      .then((changes) => changes.forEach((change) => apply(change)))
      .catch((error: unknown) => log?.("scheduler: publishing due entries failed; retrying", error))
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, intervalMs);
      });
  };
  tick();

  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
