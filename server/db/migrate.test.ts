import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createClient } from "@libsql/client";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateDatabase, migrationStatus, readMigrations } from "./migrate.ts";

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

describe("migrateDatabase on SQLite", () => {
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

    expect(await migrateDatabase(url)).toEqual({ applied: expected });

    const client = createClient({ url });
    try {
      const result = await client.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
      expect(result.rows.map((row) => row.name)).toEqual(expect.arrayContaining(TABLES));
    } finally {
      client.close();
    }

    expect(await migrateDatabase(url)).toEqual({ applied: [] });
    expect(await migrationStatus(url)).toMatchObject({ applied: expected, pending: [], failed: [] });
  });

  it("turns an event log that stored text into references: each row keeps its entry's id and nothing else", async () => {
    const url = `file:${path.join(dir, "old-log.db")}`;
    await migrateDatabase(url, { upTo: BEFORE_EVENT_LOG_REFERENCES });
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
    await migrateDatabase(url);
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

describe.skipIf(!postgresUrl)("migrateDatabase on PostgreSQL", { timeout: 30_000 }, () => {
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

    const [first, second] = await Promise.all([migrateDatabase(url.href), migrateDatabase(url.href)]);
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

    expect(await migrateDatabase(url.href)).toEqual({ applied: [] });
    expect(await migrationStatus(url.href)).toMatchObject({ applied: expected, pending: [], failed: [] });
  });

  it("turns an event log that stored text into references: each row keeps its entry's id and nothing else", async () => {
    const oldName = `${name}_old_log`;
    const oldUrl = new URL(url.href);
    oldUrl.pathname = `/${oldName}`;
    await admin.query(`CREATE DATABASE "${oldName}"`);
    const client = new pg.Client({ connectionString: oldUrl.href });
    try {
      await migrateDatabase(oldUrl.href, { upTo: BEFORE_EVENT_LOG_REFERENCES });
      await client.connect();
      await client.query(`INSERT INTO "Blog" (id, slug, title, "updatedAt") VALUES ('blog1', 'b', 'B', now())`);
      for (const [seq, type, payload] of OLD_EVENT_ROWS) {
        await client.query(`INSERT INTO "BlogEvent" ("blogId", seq, type, payload) VALUES ('blog1', $1, $2, $3)`, [
          seq,
          type,
          payload,
        ]);
      }
      await migrateDatabase(oldUrl.href);
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
