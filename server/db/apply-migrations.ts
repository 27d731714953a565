// Applies prisma/<provider>/migrations at server start, the way `prisma migrate deploy` does
// and into the same `_prisma_migrations` table, so the Prisma CLI can take over wherever its
// native engine is available. Our own applier because the CLI's engine cannot be downloaded
// here, and the Wasm engine is a dev dependency and takes most of a second to load.
import { createHash, randomUUID } from "node:crypto";
import { mkdir, readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { createClient, type Client as LibSqlClient } from "@libsql/client";
import pg from "pg";
import { providerOf, sqlitePathOf, type Provider } from "./database-url.ts";

export function migrationsDirOf(provider: Provider, projectRoot = process.cwd()): string {
  return path.join(projectRoot, "prisma", provider, "migrations");
}

export interface MigrationFile {
  name: string;
  script: string;
  checksum: string;
}

export async function readMigrations(provider: Provider, projectRoot?: string): Promise<MigrationFile[]> {
  const dir = migrationsDirOf(provider, projectRoot);
  const entries = await readdir(dir, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return [];
    throw error;
  });
  const names = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort((a, b) => a.localeCompare(b)); // the order Prisma's CLI uses
  return Promise.all(
    names.map(async (name) => {
      const script = await readFile(path.join(dir, name, "migration.sql"), "utf8");
      return { name, script, checksum: checksumOf(script) };
    }),
  );
}

// At server start an empty list means the wrong working directory, not "nothing to do".
async function requireMigrations(provider: Provider, projectRoot?: string): Promise<MigrationFile[]> {
  const migrations = await readMigrations(provider, projectRoot);
  if (migrations.length === 0) {
    throw new Error(`No migrations in ${migrationsDirOf(provider, projectRoot)}; run from the project root.`);
  }
  return migrations;
}

function checksumOf(script: string): string {
  return createHash("sha256").update(script).digest("hex");
}

// Prisma accepts a script whose line endings were changed by git after it was applied.
function matchesChecksum(script: string, checksum: string): boolean {
  return (
    checksumOf(script) === checksum ||
    checksumOf(script.replaceAll("\r\n", "\n")) === checksum ||
    checksumOf(script.replaceAll(/\r?\n/g, "\r\n")) === checksum
  );
}

interface MigrationRow {
  migration_name: string;
  checksum: string;
  finished_at: unknown;
  rolled_back_at: unknown;
}

// One database's view of the history table. `begin` returns the row id of a started migration.
interface HistoryStore {
  rows(): Promise<MigrationRow[]>;
  begin(migration: MigrationFile): Promise<string>;
  run(script: string): Promise<void>;
  finish(id: string): Promise<void>;
  fail(id: string, logs: string): Promise<void>;
  close(): Promise<void>;
}

async function openSqliteStore(databaseUrl: string): Promise<HistoryStore> {
  const file = sqlitePathOf(databaseUrl);
  await mkdir(path.dirname(file), { recursive: true });
  const client: LibSqlClient = createClient({ url: `file:${file}` });
  // Another process (a second server, a script) may hold the write lock for a moment.
  await client.execute("PRAGMA busy_timeout = 5000");
  await client.execute(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    TEXT PRIMARY KEY NOT NULL,
    "checksum"              TEXT NOT NULL,
    "finished_at"           DATETIME,
    "migration_name"        TEXT NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        DATETIME,
    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
)`);
  // The format Prisma's engine writes through the libsql adapter.
  const now = () => new Date().toISOString().replace("Z", "+00:00");
  return {
    async rows() {
      const result = await client.execute(
        `SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" ORDER BY started_at`,
      );
      return result.rows as unknown as MigrationRow[];
    },
    async begin(migration) {
      const id = randomUUID();
      await client.execute({
        sql: `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count) VALUES (?, ?, ?, ?, 0)`,
        args: [id, migration.checksum, migration.name, now()],
      });
      return id;
    },
    // Not wrapped in a transaction, as Prisma does not: SQLite table rebuilds switch
    // `PRAGMA foreign_keys` off, which is ignored inside a transaction.
    run: (script) => client.executeMultiple(script),
    async finish(id) {
      await client.execute({
        sql: `UPDATE "_prisma_migrations" SET finished_at = ?, applied_steps_count = 1 WHERE id = ?`,
        args: [now(), id],
      });
    },
    async fail(id, logs) {
      await client.execute({ sql: `UPDATE "_prisma_migrations" SET logs = ? WHERE id = ?`, args: [logs, id] });
    },
    close() {
      client.close();
      return Promise.resolve();
    },
  };
}

// Prisma's CLI takes this same advisory lock, so our servers and `prisma migrate deploy`
// also exclude each other.
const PRISMA_MIGRATE_LOCK = 72707369;

async function openPostgresStore(databaseUrl: string): Promise<HistoryStore> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [PRISMA_MIGRATE_LOCK]);
    await client.query(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`);
  } catch (error) {
    await client.end();
    throw error;
  }
  return {
    async rows() {
      const result = await client.query<MigrationRow>(
        `SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" ORDER BY started_at`,
      );
      return result.rows;
    },
    async begin(migration) {
      const id = randomUUID();
      await client.query(
        `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count) VALUES ($1, $2, $3, now(), 0)`,
        [id, migration.checksum, migration.name],
      );
      return id;
    },
    // A multi-statement simple query runs as one implicit transaction, as with Prisma.
    run: async (script) => {
      await client.query(script);
    },
    async finish(id) {
      await client.query(`UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1`, [
        id,
      ]);
    },
    async fail(id, logs) {
      await client.query(`UPDATE "_prisma_migrations" SET logs = $1 WHERE id = $2`, [logs, id]);
    },
    async close() {
      // Ending the session releases the advisory lock.
      await client.end();
    },
  };
}

function openStore(databaseUrl: string): Promise<HistoryStore> {
  return providerOf(databaseUrl) === "sqlite" ? openSqliteStore(databaseUrl) : openPostgresStore(databaseUrl);
}

export interface MigrationStatus {
  applied: string[];
  pending: string[];
  // Started but never finished: Prisma refuses to continue until someone resolves them.
  failed: string[];
  // Changed on disk after being applied.
  edited: string[];
  // Recorded in the database but missing from the migrations folder.
  unknown: string[];
}

function statusOf(files: MigrationFile[], rows: MigrationRow[]): MigrationStatus {
  const live = rows.filter((row) => row.rolled_back_at === null);
  const done = new Map(live.filter((row) => row.finished_at !== null).map((row) => [row.migration_name, row]));
  const onDisk = new Set(files.map((file) => file.name));
  return {
    applied: [...done.keys()],
    pending: files.filter((file) => !done.has(file.name)).map((file) => file.name),
    failed: live.filter((row) => row.finished_at === null).map((row) => row.migration_name),
    edited: files
      .filter((file) => {
        const row = done.get(file.name);
        return row !== undefined && !matchesChecksum(file.script, row.checksum);
      })
      .map((file) => file.name),
    unknown: [...done.keys()].filter((name) => !onDisk.has(name)),
  };
}

export interface MigrationOptions {
  /** Where prisma/ is: the working directory unless a test points at a copy. */
  projectRoot?: string;
}

export async function migrationStatus(
  databaseUrl: string,
  { projectRoot }: MigrationOptions = {},
): Promise<MigrationStatus> {
  const files = await requireMigrations(providerOf(databaseUrl), projectRoot);
  const store = await openStore(databaseUrl);
  try {
    return statusOf(files, await store.rows());
  } finally {
    await store.close();
  }
}

/**
 * Thrown, before anything is applied, when the database's history and the migrations folder disagree
 * in a way that applying more migrations cannot fix. Its message names each migration and what to do.
 */
export class MigrationHistoryError extends Error {
  override name = "MigrationHistoryError";
  constructor(
    readonly status: Pick<MigrationStatus, "failed" | "edited" | "unknown">,
    migrationsDir: string,
  ) {
    const problems = [
      ...status.failed.map(
        (name) =>
          `${name} failed earlier and is only partly applied. Repair the database by hand, then set ` +
          `rolled_back_at on its row in "_prisma_migrations" (what \`prisma migrate resolve --rolled-back\` ` +
          `does) so it is retried.`,
      ),
      ...status.edited.map(
        (name) =>
          `${name} was changed on disk after it was applied (its checksum differs from the one recorded). ` +
          `Put its migration.sql back as it was applied (see git log -p), and make the change in a new ` +
          `migration (npm run migrate:new -- NAME).`,
      ),
      ...status.unknown.map(
        (name) =>
          `${name} is recorded in the database but is not in the migrations folder, which has migrations ` +
          `the database lacks: the histories diverged (a migration folder renamed or deleted, or a database ` +
          `migrated from another branch). Restore its folder, or run the version of Liveline that has it.`,
      ),
    ];
    super(
      `The database's migration history does not match ${migrationsDir}, so no migration was applied:\n` +
        problems.map((problem) => `  - ${problem}`).join("\n"),
    );
  }
}

export interface AppliedMigrations {
  applied: string[];
  /**
   * Recorded in the database, missing from the folder, with nothing of ours pending: the database is ahead
   * of this code (a node of the previous release restarting during a rolling release, or a rollback). Not
   * refused, since migrations are meant to keep the previous release working; the server warns.
   */
  ahead: string[];
}

/**
 * Applies the pending migrations; `upTo` stops after the one of that name (tests of a data migration start
 * there). Refuses (MigrationHistoryError), before applying anything, while a migration is failed, edited
 * after being applied, or recorded in the database but missing from the folder while the folder has
 * migrations still to apply: the database is then not in a state this code's migrations lead to.
 */
export async function applyMigrations(
  databaseUrl: string,
  { upTo, projectRoot }: MigrationOptions & { upTo?: string } = {},
): Promise<AppliedMigrations> {
  const provider = providerOf(databaseUrl);
  const all = await requireMigrations(provider, projectRoot);
  const files = upTo === undefined ? all : all.slice(0, all.findIndex((file) => file.name === upTo) + 1);
  const store = await openStore(databaseUrl);
  try {
    const status = statusOf(all, await store.rows());
    const diverged = status.pending.length > 0 ? status.unknown : [];
    if (status.failed.length + status.edited.length + diverged.length > 0) {
      throw new MigrationHistoryError({ ...status, unknown: diverged }, migrationsDirOf(provider, projectRoot));
    }
    const applied: string[] = [];
    for (const migration of files.filter((file) => status.pending.includes(file.name))) {
      const id = await store.begin(migration);
      try {
        await store.run(migration.script);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        await store.fail(id, message);
        throw new Error(`Migration ${migration.name} failed: ${message}`, { cause: error });
      }
      await store.finish(id);
      applied.push(migration.name);
    }
    return { applied, ahead: status.unknown };
  } finally {
    await store.close();
  }
}
