import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createClient } from "@libsql/client";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateDatabase, migrationStatus, readMigrations } from "./migrate.ts";

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
});
