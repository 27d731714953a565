// The database cannot take writes for a while (SQLite: another connection holds the write lock longer
// than busy_timeout; PostgreSQL: the database refuses connections and the server's are terminated).
// Writes answer 503 with Retry-After and the one agreed message, reads answer what they can or a clean
// error, and once the database is back writes succeed again.
import { createClient } from "@libsql/client";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { providerOf, sqlitePathOf } from "../db/database-url";
import { apiClient, startTestServer, type TestServer } from "./harness";

const postgres = /^postgres(ql)?:\/\//.test(process.env.DATABASE_URL ?? "");
const UNAVAILABLE = { error: "the database is busy or unavailable; try again shortly", code: "UNAVAILABLE" };

let server: TestServer;
let editor: ReturnType<typeof apiClient>;

beforeAll(async () => {
  server = await startTestServer({ env: { DATABASE_BUSY_TIMEOUT_MS: "300", WRITE_RATE_PER_MINUTE: "0" } });
  editor = apiClient(server.url, server.users.editor.token);
  expect((await editor("POST", "/api/blogs", { slug: "busy-day", title: "Busy day" })).status).toBe(201);
  expect((await editor("POST", "/api/blogs/busy-day/entries", { body: "<p>Before the outage.</p>" })).status).toBe(201);
});

afterAll(async () => {
  await server?.dispose();
});

const publish = (text: string) =>
  editor("POST", "/api/blogs/busy-day/entries", { body: `<p>${text}</p>` }, { "idempotency-key": text });

/** Retries as a client honouring Retry-After would, up to a limit. */
async function publishUntilAccepted(text: string, tries = 10) {
  for (let i = 0; ; i++) {
    const answer = await publish(text);
    if (answer.status !== 503 || i === tries) return answer;
    await new Promise((r) => setTimeout(r, 500));
  }
}

describe.skipIf(postgres)("SQLite: another connection holds the write lock", () => {
  it("writes get 503 + Retry-After after busy_timeout, reads still work, and the write succeeds once the lock is released", async () => {
    expect(providerOf(server.databaseUrl)).toBe("sqlite");
    const other = createClient({ url: `file:${sqlitePathOf(server.databaseUrl)}` });
    // BEGIN IMMEDIATE on a connection of its own, held open: in WAL mode that blocks every other writer
    // (as BEGIN EXCLUSIVE does) while readers go on. (client.execute would roll back after each statement.)
    const lock = await other.transaction("write");
    try {
      await lock.execute("UPDATE Blog SET title = title WHERE slug = 'busy-day'");
      const refused = await publish("During the lock");
      expect(refused.status).toBe(503);
      expect(refused.body).toEqual(UNAVAILABLE);
      expect(refused.headers.get("retry-after")).toMatch(/^\d+$/);
      // Readers are not blocked by a writer in WAL mode.
      const page = await fetch(`${server.url}/live/busy-day`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain("Before the outage.");
      expect((await editor("GET", "/api/blogs/busy-day/entries")).body.entries).toHaveLength(1);
    } finally {
      await lock.rollback();
      other.close();
    }
    const accepted = await publish("During the lock");
    expect(accepted.status).toBe(201);
    expect((await editor("GET", "/api/blogs/busy-day/entries")).body.entries).toHaveLength(2);
  });
});

describe.skipIf(!postgres)("PostgreSQL: the database refuses connections and the server's are terminated", () => {
  it("writes get 503 + Retry-After, reads answer a clean error, and writes succeed once the database is back", async () => {
    const name = new URL(server.databaseUrl).pathname.slice(1);
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    try {
      await admin.query(`ALTER DATABASE ${name} ALLOW_CONNECTIONS false`);
      await admin.query(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()",
        [name],
      );
      const refused = await publish("During the outage");
      expect(refused.status).toBe(503);
      expect(refused.body).toEqual(UNAVAILABLE);
      expect(refused.headers.get("retry-after")).toMatch(/^\d+$/);
      // The API's reads fail the same clean way; the reader page answers an error page, not a hang.
      const list = await editor("GET", "/api/blogs/busy-day/entries");
      expect(list.status).toBe(503);
      expect(list.body).toEqual(UNAVAILABLE);
      const page = await fetch(`${server.url}/live/busy-day`);
      expect(page.status).toBeGreaterThanOrEqual(500);
      expect(await page.text()).not.toMatch(/ECONNREFUSED|not currently accepting|at async|Prisma/);
    } finally {
      await admin.query(`ALTER DATABASE ${name} ALLOW_CONNECTIONS true`);
      await admin.end();
    }
    const accepted = await publishUntilAccepted("During the outage");
    expect(accepted.status).toBe(201);
    expect((await editor("GET", "/api/blogs/busy-day/entries")).body.entries).toHaveLength(2);
  });
});
