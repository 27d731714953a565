// The migration commands, run as a developer runs them, on a copy of prisma/ so the repo stays untouched.
import { execFile } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, "..");
const TSX = path.join(ROOT, "node_modules", ".bin", "tsx");
const SCRIPT = path.join(ROOT, "scripts", "migrations-cli.ts");
const work = mkdtempSync(path.join(tmpdir(), "liveline-migrate-"));

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("migration commands", () => {
  it("finds the committed migrations in sync with the data model", async () => {
    const { stdout } = await run(TSX, [SCRIPT, "check"], { cwd: ROOT });
    expect(stdout).toMatch(/match/);
  }, 60_000);

  it("writes a new migration for both providers when the model changes, then is in sync", async () => {
    cpSync(path.join(ROOT, "prisma"), path.join(work, "prisma"), { recursive: true, verbatimSymlinks: true });
    const models = path.join(work, "prisma", "models.prisma");
    writeFileSync(
      models,
      readFileSync(models, "utf8").replace(
        '  summary   String      @default("")',
        '  summary   String      @default("")\n  location  String?',
      ),
    );

    await expect(run(TSX, [SCRIPT, "check"], { cwd: work })).rejects.toMatchObject({ code: 1 });
    const { stdout } = await run(TSX, [SCRIPT, "new", "add blog location"], { cwd: work });
    expect(stdout).toMatch(/Wrote prisma\/sqlite\/migrations\/\d{14}_add_blog_location\/migration.sql/);
    for (const provider of ["sqlite", "postgresql"]) {
      const dir = path.join(work, "prisma", provider, "migrations");
      const folder = readdirSync(dir).find((name) => name.endsWith("_add_blog_location"));
      expect(folder, provider).toBeDefined();
      expect(readFileSync(path.join(dir, folder!, "migration.sql"), "utf8")).toMatch(/location/);
    }
    expect((await run(TSX, [SCRIPT, "check"], { cwd: work })).stdout).toMatch(/match/);
    expect((await run(TSX, [SCRIPT, "new", "again"], { cwd: work })).stdout).toMatch(/nothing written/);
  }, 120_000);
});
