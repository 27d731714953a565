import { randomUUID } from "node:crypto";
import { appendFile, cp, mkdir, mkdtemp, rename, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createClient } from "@libsql/client";
import pg from "pg";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  applyMigrations,
  MigrationHistoryError,
  migrationsDirOf,
  migrationStatus,
  readMigrations,
} from "./apply-migrations.ts";
import type { Provider } from "./database-url.ts";

const BEFORE_EVENT_LOG_REFERENCES = "20261126022750_publish_keys";
/** Rows as the event log stored them before it kept references only: the whole event as JSON. */
const OLD_EVENT_ROWS = [
  [1, "entry:published", JSON.stringify({ blog: "b", seq: 1, entry: { id: "e1", headline: "OLD TEXT" } })],
  [2, "entry:deleted", JSON.stringify({ blog: "b", seq: 2, id: "e1" })],
  [3, "blog:updated", JSON.stringify({ blog: "b", seq: 3, details: { slug: "b", title: "OLD TITLE" } })],
] as const;
const EXPECTED_REFERENCES = [
  { seq: 1, type: "entry:published", entryId: "e1" },
  { seq: 2, type: "entry:deleted", entryId: "e1" },
  { seq: 3, type: "blog:updated", entryId: null },
];

const TABLES = ["ApiToken", "AuditEvent", "Blog", "BlogEvent", "Entry", "Session", "User", "_prisma_migrations"];

describe("applyMigrations on SQLite", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "liveline-migrate-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("creates the file and its folder, applies every migration, then nothing", async () => {
    const url = `file:${path.join(dir, "not", "yet", "there.db")}`;
    const expected = (await readMigrations("sqlite")).map((migration) => migration.name);
    expect(expected.length).toBeGreaterThan(0);

    expect(await applyMigrations(url)).toEqual({ applied: expected, ahead: [] });

    const client = createClient({ url });
    try {
      const result = await client.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
      expect(result.rows.map((row) => row.name)).toEqual(expect.arrayContaining(TABLES));
    } finally {
      client.close();
    }

    expect(await applyMigrations(url)).toEqual({ applied: [], ahead: [] });
    expect(await migrationStatus(url)).toMatchObject({ applied: expected, pending: [], failed: [] });
  });

  it("turns an event log that stored text into references: each row keeps its entry's id and nothing else", async () => {
    const url = `file:${path.join(dir, "old-log.db")}`;
    await applyMigrations(url, { upTo: BEFORE_EVENT_LOG_REFERENCES });
    const before = createClient({ url });
    try {
      await before.execute(
        "INSERT INTO Blog (id, slug, title, updatedAt) VALUES ('blog1', 'b', 'B', CURRENT_TIMESTAMP)",
      );
      for (const [seq, type, payload] of OLD_EVENT_ROWS) {
        await before.execute({
          sql: "INSERT INTO BlogEvent (blogId, seq, type, payload) VALUES ('blog1', ?, ?, ?)",
          args: [seq, type, payload],
        });
      }
    } finally {
      before.close();
    }
    await applyMigrations(url);
    const client = createClient({ url });
    try {
      const rows = await client.execute("SELECT * FROM BlogEvent ORDER BY seq");
      expect(rows.rows.map((row) => ({ seq: row.seq, type: row.type, entryId: row.entryId }))).toEqual(
        EXPECTED_REFERENCES,
      );
      expect(rows.columns).not.toContain("payload");
    } finally {
      client.close();
    }
  });
});

const postgresUrl = process.env.DATABASE_URL?.startsWith("postgres") ? process.env.DATABASE_URL : undefined;

describe.skipIf(!postgresUrl)("applyMigrations on PostgreSQL", { timeout: 30_000 }, () => {
  const name = `liveline_migrate_test_${randomUUID().replaceAll("-", "")}`;
  const url = new URL(postgresUrl ?? "postgresql://unused");
  url.pathname = `/${name}`;
  const admin = new pg.Client({ connectionString: postgresUrl });

  beforeAll(async () => {
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
  });
  afterAll(async () => {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  });

  it("applies every migration once even when two servers start together, then nothing", async () => {
    const expected = (await readMigrations("postgresql")).map((migration) => migration.name);
    expect(expected.length).toBeGreaterThan(0);

    const [first, second] = await Promise.all([applyMigrations(url.href), applyMigrations(url.href)]);
    expect([...(first?.applied ?? []), ...(second?.applied ?? [])]).toEqual(expected);

    const client = new pg.Client({ connectionString: url.href });
    await client.connect();
    try {
      const result = await client.query<{ table_name: string }>(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'",
      );
      expect(result.rows.map((row) => row.table_name)).toEqual(expect.arrayContaining(TABLES));
    } finally {
      await client.end();
    }

    expect(await applyMigrations(url.href)).toEqual({ applied: [], ahead: [] });
    expect(await migrationStatus(url.href)).toMatchObject({ applied: expected, pending: [], failed: [] });
  });

  it("turns an event log that stored text into references: each row keeps its entry's id and nothing else", async () => {
    const oldName = `${name}_old_log`;
    const oldUrl = new URL(url.href);
    oldUrl.pathname = `/${oldName}`;
    await admin.query(`CREATE DATABASE "${oldName}"`);
    const client = new pg.Client({ connectionString: oldUrl.href });
    try {
      await applyMigrations(oldUrl.href, { upTo: BEFORE_EVENT_LOG_REFERENCES });
      await client.connect();
      await client.query(`INSERT INTO "Blog" (id, slug, title, "updatedAt") VALUES ('blog1', 'b', 'B', now())`);
      for (const [seq, type, payload] of OLD_EVENT_ROWS) {
        await client.query(`INSERT INTO "BlogEvent" ("blogId", seq, type, payload) VALUES ('blog1', $1, $2, $3)`, [
          seq,
          type,
          payload,
        ]);
      }
      await applyMigrations(oldUrl.href);
      const rows = await client.query(`SELECT * FROM "BlogEvent" ORDER BY seq`);
      expect(rows.rows.map((row) => ({ seq: row.seq, type: row.type, entryId: row.entryId }))).toEqual(
        EXPECTED_REFERENCES,
      );
      expect(rows.fields.map((field) => field.name)).not.toContain("payload");
    } finally {
      await client.end();
      await admin.query(`DROP DATABASE IF EXISTS "${oldName}" WITH (FORCE)`);
    }
  });
});

/**
 * Histories that applying more migrations cannot fix, on a copy of prisma/ that each test changes as a
 * developer would, against a real SQLite file and (with a PostgreSQL DATABASE_URL) a fresh database per test.
 */
describe.each<{ provider: Provider; enabled: boolean }>([
  { provider: "sqlite", enabled: true },
  { provider: "postgresql", enabled: postgresUrl !== undefined },
])(
  "applyMigrations refuses a history it cannot continue on $provider",
  { timeout: 30_000 },
  ({ provider, enabled }) => {
    let root: string;
    let migrationsDir: string;
    let url: string;
    let dropDatabase: () => Promise<void>;
    let names: string[];
    const last = () => names.at(-1)!;

    beforeEach(async ({ skip }) => {
      if (!enabled) skip();
      root = await mkdtemp(path.join(tmpdir(), "liveline-history-"));
      migrationsDir = migrationsDirOf(provider, root);
      await cp(migrationsDirOf(provider), migrationsDir, { recursive: true });
      names = (await readMigrations(provider, root)).map((migration) => migration.name);
      if (provider === "sqlite") {
        url = `file:${path.join(root, "history.db")}`;
        dropDatabase = () => Promise.resolve();
      } else {
        const name = `liveline_history_${randomUUID().replaceAll("-", "")}`;
        const admin = new pg.Client({ connectionString: postgresUrl });
        await admin.connect();
        await admin.query(`CREATE DATABASE "${name}"`);
        await admin.end();
        const dbUrl = new URL(postgresUrl!);
        dbUrl.pathname = `/${name}`;
        url = dbUrl.href;
        dropDatabase = async () => {
          const client = new pg.Client({ connectionString: postgresUrl });
          await client.connect();
          await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
          await client.end();
        };
      }
      await applyMigrations(url, { projectRoot: root });
    });
    afterEach(async () => {
      if (!enabled) return;
      await dropDatabase();
      await rm(root, { recursive: true, force: true });
    });

    /** A migration written after the ones already applied. */
    async function addMigration(name: string, sql: string): Promise<void> {
      await mkdir(path.join(migrationsDir, name));
      await writeFile(path.join(migrationsDir, name, "migration.sql"), sql);
    }

    async function refusal(): Promise<MigrationHistoryError> {
      const error: unknown = await applyMigrations(url, { projectRoot: root }).catch((thrown: unknown) => thrown);
      expect(error).toBeInstanceOf(MigrationHistoryError);
      return error as MigrationHistoryError;
    }

    it("a migration edited on disk after it was applied: refused, naming it, and nothing after it is applied", async () => {
      await appendFile(path.join(migrationsDir, last(), "migration.sql"), "\n-- tidied up afterwards\n");
      await addMigration("29990101000000_later", `CREATE TABLE "Later" ("id" INTEGER NOT NULL PRIMARY KEY);`);

      const error = await refusal();
      expect(error.status).toMatchObject({ failed: [], edited: [last()], unknown: [] });
      expect(error.message).toContain(`${last()} was changed on disk after it was applied`);
      expect(error.message).toMatch(/no migration was applied/);
      expect(await migrationStatus(url, { projectRoot: root })).toMatchObject({
        edited: [last()],
        pending: ["29990101000000_later"],
      });
    });

    it("a line-ending change alone is not an edit", async () => {
      const file = path.join(migrationsDir, last(), "migration.sql");
      const script = (await readMigrations(provider, root)).at(-1)!.script;
      await writeFile(file, script.replaceAll(/\r?\n/g, "\r\n"));
      expect(await applyMigrations(url, { projectRoot: root })).toEqual({ applied: [], ahead: [] });
    });

    it("a migration that failed part way: its failure is reported, then every start is refused until it is resolved", async () => {
      await addMigration("29990101000000_broken", `SELECT * FROM "NoSuchTable";`);
      await expect(applyMigrations(url, { projectRoot: root })).rejects.toThrow(
        /Migration 29990101000000_broken failed: .*NoSuchTable/,
      );

      const error = await refusal();
      expect(error.status).toMatchObject({ failed: ["29990101000000_broken"], edited: [], unknown: [] });
      expect(error.message).toContain("29990101000000_broken failed earlier and is only partly applied");
      expect(error.message).toContain("rolled_back_at");
      expect(await migrationStatus(url, { projectRoot: root })).toMatchObject({ failed: ["29990101000000_broken"] });
    });

    it("a migration recorded as unfinished in _prisma_migrations (a process killed mid-way) is refused the same way", async () => {
      await addMigration(
        "29990101000000_interrupted",
        `CREATE TABLE "Interrupted" ("id" INTEGER NOT NULL PRIMARY KEY);`,
      );
      const insert = `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count)
      VALUES ('interrupted', 'unfinished', '29990101000000_interrupted', CURRENT_TIMESTAMP, 0)`;
      if (provider === "sqlite") {
        const client = createClient({ url });
        await client.execute(insert);
        client.close();
      } else {
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        await client.query(insert);
        await client.end();
      }

      const error = await refusal();
      expect(error.status.failed).toEqual(["29990101000000_interrupted"]);
      expect(error.message).toContain("29990101000000_interrupted failed earlier");
    });

    it("a migration in the database unknown to the folder, with others pending (a renamed folder): refused", async () => {
      await rename(path.join(migrationsDir, last()), path.join(migrationsDir, `${last()}_renamed`));

      const error = await refusal();
      expect(error.status).toMatchObject({ failed: [], edited: [], unknown: [last()] });
      expect(error.message).toContain(`${last()} is recorded in the database but is not in the migrations folder`);
      expect(await migrationStatus(url, { projectRoot: root })).toMatchObject({
        unknown: [last()],
        pending: [`${last()}_renamed`],
      });
    });

    it("a migration in the database unknown to the folder with nothing pending (a newer release migrated it): applies nothing, reports it", async () => {
      await rm(path.join(migrationsDir, last()), { recursive: true });
      expect(await applyMigrations(url, { projectRoot: root })).toEqual({ applied: [], ahead: [last()] });
    });
  },
);
