// `npm run user:create` as an operator runs it, against a real database.
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Database } from "../server/db/client";
import { verifyPassword } from "../server/db/users";
import { createTestDatabase } from "../server/test/harness";

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, "..");
const TSX = path.join(ROOT, "node_modules", ".bin", "tsx");
let databaseUrl: string;
let drop: () => Promise<void>;
let database: Database;

beforeAll(async () => {
  ({ url: databaseUrl, drop } = await createTestDatabase());
});

afterAll(async () => {
  await database?.close();
  await drop?.();
});

const userCreate = (...args: string[]) =>
  run(TSX, ["scripts/user-create.ts", ...args], { cwd: ROOT, env: { ...process.env, DATABASE_URL: databaseUrl } });

describe("user:create", () => {
  it("creates a user who can then sign in, on a database it migrates itself", async () => {
    const { stdout } = await userCreate(
      "--email",
      "Night.Editor@Example.org",
      "--role",
      "editor",
      "--password",
      "correct horse",
      "--name",
      "Night Editor",
    );
    expect(stdout).toMatch(/created editor night\.editor@example\.org \(Night Editor\)/);
    database = createDb(databaseUrl);
    const user = await verifyPassword(database.prisma, "night.editor@example.org", "correct horse");
    expect(user).toMatchObject({ role: "EDITOR", displayName: "Night Editor" });
    expect(user?.passwordHash).not.toContain("correct horse");
    expect(await verifyPassword(database.prisma, "night.editor@example.org", "wrong")).toBeNull();
  }, 60_000);

  it("names what is wrong and writes nothing", async () => {
    await expect(
      userCreate("--email", "x@example.org", "--role", "boss", "--password", "long enough"),
    ).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/role/),
    });
    await expect(
      userCreate("--email", "night.editor@example.org", "--role", "JOURNALIST", "--password", "long enough"),
    ).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/already exists/),
    });
    expect(await database.prisma.user.count()).toBe(1);
  }, 60_000);

  it("creates a contributor, whose entries go to the editors for review", async () => {
    const { stdout } = await userCreate(
      "--email",
      "stringer@example.org",
      "--role",
      "CONTRIBUTOR",
      "--password",
      "in the field",
    );
    expect(stdout).toMatch(/created contributor stringer@example\.org/);
    const user = await verifyPassword(database.prisma, "stringer@example.org", "in the field");
    expect(user?.role).toBe("CONTRIBUTOR");
  }, 60_000);
});
