// A restart during a stream: readers are watching and a wire feed is publishing when the process gets
// SIGTERM; a new one starts on the same port and database. The feed retries each unanswered publish with
// its Idempotency-Key until it gets a 201; readers reconnect on their own. Everyone ends with exactly the
// published entries, in order, none twice, as the page's own sequencer and feed state show them.
import { afterAll, describe, expect, it } from "vitest";
import type { EntryDTO } from "@/common/contracts/dto";
import { publishedEntries } from "./delivery-reader";
import { waitFor } from "./harness";
import { startRestartableServer, type RestartableServer } from "./restartable-server";

const TOTAL = 60;
const RESTART_AFTER_ACKS = 20;

let setup: RestartableServer | undefined;

afterAll(async () => {
  await setup?.dispose();
});

describe("SIGTERM and restart while readers watch a stream", () => {
  it(
    "readers reconnect and end with exactly the published entries, in order, none twice",
    { timeout: 120_000 },
    async () => {
      setup = await startRestartableServer("restart-me", "Restart me");
      const { server, token, newReader } = setup;
      const base = server.url;
      const readers = Array.from({ length: 3 }, () => newReader(base, 0));
      for (const reader of readers) await reader.start();

      // The feed: entries in order, each retried with its own key until the server answers 201.
      const acked: EntryDTO[] = [];
      let attempts = 0;
      let restart: Promise<void> | null = null;
      for (let n = 0; n < TOTAL; n++) {
        const key = `wire-${n}`;
        for (;;) {
          attempts += 1;
          const answer = await fetch(`${base}/api/blogs/restart-me/entries`, {
            method: "POST",
            headers: { authorization: `Bearer ${token}`, "content-type": "application/json", "idempotency-key": key },
            body: JSON.stringify({ body: `<p>Wire update ${n}</p>` }),
          }).catch(() => null);
          if (answer?.status === 201) {
            acked.push(((await answer.json()) as { entry: EntryDTO }).entry);
            break;
          }
          await new Promise((r) => setTimeout(r, 100));
        }
        if (acked.length === RESTART_AFTER_ACKS) {
          // Graceful stop, then a new process on the same port, while the feed keeps trying.
          restart = (async () => {
            expect(await server.stop()).toBe(0);
            await setup.restart();
          })();
          await new Promise((r) => setTimeout(r, 50));
        }
      }
      await restart;
      expect(attempts).toBeGreaterThan(TOTAL); // some publishes did meet the restart
      expect(new Set(acked.map((e) => e.id)).size).toBe(TOTAL);

      const listed = await publishedEntries(base, "restart-me");
      expect(listed.map((e) => e.id).sort()).toEqual(acked.map((e) => e.id).sort());
      for (const reader of readers) await waitFor(() => reader.seq === TOTAL, `a reader to reach seq ${TOTAL}`, 30_000);
      await new Promise((r) => setTimeout(r, 300));
      for (const reader of readers) {
        expect(reader.applied.map((e) => e.payload.seq)).toEqual(Array.from({ length: TOTAL }, (_, i) => i + 1));
        // Applied in publish order, so the page shows them newest first, as the API lists them.
        expect(reader.applied.map((e) => (e.type === "entry:published" ? e.payload.entry.id : null))).toEqual(
          acked.map((e) => e.id),
        );
        expect(reader.shownIds()).toEqual(listed.map((e) => e.id));
      }
    },
  );
});
