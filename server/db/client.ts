// The one place that constructs a Prisma client. Both providers' clients are generated from
// the same models (prisma/models.prisma), so their model APIs are identical and callers
// program against the SQLite client's type.
import { PrismaLibSql } from "@prisma/adapter-libsql";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlDriverAdapter } from "@prisma/driver-adapter-utils";
import { PrismaClient as PostgresPrismaClient } from "./generated/postgresql/client.ts";
import { PrismaClient as SqlitePrismaClient } from "./generated/sqlite/client.ts";
import { providerOf, sqlitePathOf, type Provider } from "./database-url.ts";
import { DATA_SETTINGS, type DataSettings } from "./settings.ts";
import type { Db } from "./types.ts";

export { providerOf, type Db, type Provider };

export interface Database {
  prisma: Db;
  provider: Provider;
  close(): Promise<void>;
}

// WAL lets readers (the feed) carry on while a writer (a newsroom publishing) commits. It is a
// property of the file, so it is set once per client, before Prisma's first query.
// libsql turns foreign keys on for every connection it opens, and `timeout` is its per-connection
// busy_timeout.
class PrismaLibSqlWal extends PrismaLibSql {
  override async connect(): Promise<SqlDriverAdapter> {
    const adapter = await super.connect();
    await adapter.executeScript("PRAGMA journal_mode = WAL");
    return adapter;
  }
}

export interface DbOptions {
  /**
   * SQLite: how long a statement waits for another connection's write lock (busy_timeout) before it
   * fails with SQLITE_BUSY. PostgreSQL: how long opening a connection may take. Either failure is
   * answered as a 503 (server/errors.ts), so a write never hangs on a locked or unreachable database.
   */
  busyTimeoutMs?: number;
  /** How many of each blog's newest events the event log keeps (EVENT_LOG_RETENTION; server/db/events.ts). */
  eventLogRetention?: number;
}

export function createDb(
  databaseUrl: string,
  { busyTimeoutMs = 5000, eventLogRetention = 10_000 }: DbOptions = {},
): Database {
  const provider = providerOf(databaseUrl);
  const client =
    provider === "sqlite"
      ? new SqlitePrismaClient({
          adapter: new PrismaLibSqlWal({ url: `file:${sqlitePathOf(databaseUrl)}`, timeout: busyTimeoutMs }),
        })
      : (new PostgresPrismaClient({
          adapter: new PrismaPg({ connectionString: databaseUrl, connectionTimeoutMillis: busyTimeoutMs }),
        }) as unknown as Db);
  // The data layer's settings travel with the client, into every transaction it opens (a client extension is
  // part of its transaction clients too), so no data function reads the environment or takes them as arguments.
  const settings: DataSettings = { eventLogRetention };
  const prisma = client.$extends({ client: { [DATA_SETTINGS]: settings } }) as unknown as Db;
  return { prisma, provider, close: () => client.$disconnect() };
}
