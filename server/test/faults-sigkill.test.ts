// Nothing acknowledged is lost: publishes stream in, the process is SIGKILLed mid-way (no shutdown at all),
// a new process starts on the same database, and readers end with every entry that got a 201, each once,
// in seq order. Committed-but-unanswered entries (killed between commit and answer) may also appear.
import { afterAll, describe, expect, it } from "vitest";
import type { EntryDTO } from "@/common/contracts/dto";
import type { BlogEvent } from "@/common/contracts/events";
import { publishedEntries } from "./delivery-reader";
import { waitFor, type SpawnedServer } from "./harness";
import { startRestartableServer, type RestartableServer } from "./restartable-server";

const TOTAL = 100;
const CONCURRENCY = 5;
const KILL_AFTER_ACKS = 40;

let setup: RestartableServer | undefined;

afterAll(async () => {
  await setup?.dispose();
});

function publishedIdsOf(events: BlogEvent[]): string[] {
  return events.flatMap((e) => (e.type === "entry:published" ? [e.payload.entry.id] : []));
}

describe("SIGKILL while publishing", () => {
  it(
    "every acknowledged entry survives, and readers get each exactly once, in seq order",
    { timeout: 120_000 },
    async () => {
      setup = await startRestartableServer("kill-me", "Kill me");
      const { server, token, newReader } = setup;
      const { child } = server as unknown as SpawnedServer;
      const first = newReader(server.url, 0);
      await first.start();

      // 100 publishes, 5 at a time; the process is killed once 40 have been answered.
      const acked: string[] = [];
      let next = 0;
      let failed = 0;
      const worker = async () => {
        while (next < TOTAL) {
          const n = next++;
          try {
            const response = await fetch(`${server.url}/api/blogs/kill-me/entries`, {
              method: "POST",
              headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
              body: JSON.stringify({ body: `<p>Update ${n}</p>` }),
            });
            if (response.status === 201) {
              acked.push(((await response.json()) as { entry: EntryDTO }).entry.id);
              if (acked.length === KILL_AFTER_ACKS) child.kill("SIGKILL");
            } else {
              failed += 1;
            }
          } catch {
            failed += 1; // the connection died with the process: not acknowledged
          }
        }
      };
      await Promise.all(Array.from({ length: CONCURRENCY }, worker));
      await waitFor(() => child.exitCode !== null || child.signalCode !== null, "the killed process to exit");
      expect(child.signalCode).toBe("SIGKILL");
      expect(acked.length).toBeGreaterThanOrEqual(KILL_AFTER_ACKS);
      expect(acked.length).toBeLessThan(TOTAL);
      expect(failed).toBeGreaterThan(0);

      // A new process on the same database (and port, so the first reader's socket.io finds it again).
      const restarted = await setup.restart();
      const committed = await publishedEntries(restarted.url, "kill-me");
      const committedIds = new Set(committed.map((e) => e.id));
      for (const id of acked) expect(committedIds.has(id), `acknowledged entry ${id} is in GET /entries`).toBe(true);
      const finalSeq = (await server.db.prisma.blog.findUniqueOrThrow({ where: { slug: "kill-me" } })).seq;
      expect(finalSeq).toBe(committed.length);

      // A fresh reader from seq 0, and the first reader coming back with its last seq.
      const fresh = newReader(restarted.url, 0);
      await fresh.start();
      for (const reader of [fresh, first]) {
        await waitFor(() => reader.seq === finalSeq, `a reader to reach seq ${finalSeq}`, 30_000);
      }
      await new Promise((r) => setTimeout(r, 300));
      for (const reader of [fresh, first]) {
        expect(reader.applied.map((e) => e.payload.seq)).toEqual(Array.from({ length: finalSeq }, (_, i) => i + 1));
        const ids = publishedIdsOf(reader.applied);
        expect(new Set(ids).size).toBe(ids.length);
        expect(new Set(ids)).toEqual(committedIds);
        expect(reader.shownIds().sort()).toEqual([...committedIds].sort());
      }
    },
  );
});
