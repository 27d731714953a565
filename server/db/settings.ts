// What the data layer is configured with. server/db/client.ts puts it on the Prisma client it makes, where
// every transaction client opened from it sees it too; the process passes the values from its config.
import type { Db, Tx } from "./types";

export interface DataSettings {
  /** How many of each blog's newest events the event log keeps (server/db/events.ts). */
  eventLogRetention: number;
}

/** The client property the settings are kept under (a Prisma client extension; `$` names never clash with a model). */
export const DATA_SETTINGS = "$dataSettings";

/** The settings of the client `db` (or the transaction `tx`) was opened from. */
export function dataSettingsOf(db: Db | Tx): DataSettings {
  const settings = (db as { [DATA_SETTINGS]?: DataSettings })[DATA_SETTINGS];
  if (!settings)
    throw new Error("this Prisma client was not made by createDb (server/db/client.ts): it has no data settings");
  return settings;
}
