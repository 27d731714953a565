// A second Liveline node for the scheduler's race test: connects, prints "ready", waits for a line
// on stdin, runs publishDueEntries once against DATABASE_URL and prints the ids it published as JSON.
// Usage: tsx server/scheduler/testing/publish-due-node.ts <now-iso>
import { once } from "node:events";
import { loadConfig } from "../../config";
import { createDb } from "../../db/client";
import { settle } from "../../effects";
import { publishDueEntries } from "../scheduler";

const database = createDb(loadConfig().databaseUrl);
try {
  await database.prisma.entry.count(); // connected and warm before the start signal
  console.log("ready");
  await once(process.stdin, "data");
  const changes = await publishDueEntries(database.prisma, new Date(process.argv[2] ?? ""));
  // A lone node with nobody to tell: the effects are dropped, the ids printed.
  console.log(JSON.stringify(changes.map((change) => settle(change, () => undefined).id)));
} finally {
  await database.close();
}
