// The process as an operator sees it: first-start demo, restart on the same database, a migration history it
// refuses, clean shutdown.
import { afterAll, describe, expect, it } from "vitest";
import { io } from "socket.io-client";
import { applyMigrations } from "../db/apply-migrations";
import { createDb } from "../db/client";
import { apiClient, createTestDatabase, spawnServer, startTestServer, type TestServer } from "./harness";

const servers: TestServer[] = [];

afterAll(async () => {
  for (const server of servers) await server.dispose();
});

describe("first start", () => {
  // Two server starts and stops: a minute and a half on a busy two-core machine.
  it("seeds a demo blog, prints the demo accounts once, and not again on restart", { timeout: 90_000 }, async () => {
    const server = await startTestServer({ seedUsers: false, env: { LIVELINE_DEMO: "1" } });
    servers.push(server);
    const printed = server.output();
    const editorLine = /EDITOR\s+(\S+@\S+)\s+(\S+)/.exec(printed);
    const journalistLine = /JOURNALIST\s+(\S+@\S+)\s+(\S+)/.exec(printed);
    expect(editorLine, printed).not.toBeNull();
    expect(journalistLine, printed).not.toBeNull();

    const blogs = await apiClient(server.url)("GET", "/api/blogs");
    expect(blogs.body.blogs).toHaveLength(1);
    const slug = blogs.body.blogs[0].slug as string;
    const page = await apiClient(server.url)("GET", `/api/blogs/${slug}/entries?limit=100`);
    expect(page.body.entries.length).toBeGreaterThanOrEqual(15);
    expect(page.body.entries.filter((e: { pinned: boolean }) => e.pinned)).toHaveLength(1);
    // The event log agrees with the content, so a reader joining with since=0 gets every entry.
    const log = await apiClient(server.url)("GET", `/api/blogs/${slug}/events?since=0`);
    expect(log.body.events).toHaveLength(page.body.entries.length);

    // The printed credentials work.
    const login = await apiClient(server.url)("POST", "/api/auth/login", {
      email: editorLine![1],
      password: editorLine![2],
    });
    expect(login.status).toBe(200);
    expect(login.body.user.role).toBe("EDITOR");

    expect(await server.stop()).toBe(0);
    const again = await spawnServer(server.databaseUrl, { LIVELINE_DEMO: "1" });
    try {
      expect(again.output()).not.toMatch(/Demo accounts/);
      const after = await apiClient(again.url)("GET", "/api/blogs");
      expect(after.body.blogs).toHaveLength(1);
    } finally {
      expect(await again.stop()).toBe(0);
    }
  });
});

describe("a migration history it cannot continue on", () => {
  // The applier's own tests cover each state on both databases; this is what an operator sees at start.
  it("refuses to start, exits 1 and says which migration and what to do", async () => {
    const database = await createTestDatabase();
    try {
      const { applied } = await applyMigrations(database.url);
      const edited = applied.at(-1)!;
      const db = createDb(database.url);
      try {
        // What the server sees when that migration's file was changed after it was applied.
        await db.prisma.$executeRawUnsafe(
          `UPDATE "_prisma_migrations" SET checksum = 'edited' WHERE migration_name = '${edited}'`,
        );
      } finally {
        await db.close();
      }

      const error: unknown = await spawnServer(database.url).catch((thrown: unknown) => thrown);
      expect(error).toBeInstanceOf(Error);
      const output = (error as Error).message;
      expect(output).toMatch(/server exited with 1 before listening/);
      expect(output).toContain("[liveline] failed to start: The database's migration history does not match");
      expect(output).toContain(`${edited} was changed on disk after it was applied`);
      expect(output).not.toMatch(/\n\s+at /); // the message, not a stack trace
    } finally {
      await database.drop();
    }
  });
});

describe("shutdown", () => {
  it("on SIGTERM disconnects readers, stops listening and exits 0", async () => {
    const server = await startTestServer();
    servers.push(server);
    const reader = io(server.url, { transports: ["websocket"], reconnection: false, forceNew: true });
    await new Promise<void>((resolve, reject) => {
      reader.once("connect", () => resolve());
      reader.once("connect_error", reject);
    });
    const disconnected = new Promise<string>((resolve) => reader.once("disconnect", (reason) => resolve(reason)));
    expect(await server.stop(), server.output()).toBe(0);
    expect(await disconnected).toBe("io server disconnect");
    await expect(fetch(`${server.url}/api/blogs`)).rejects.toThrow();
    expect(server.output()).toMatch(/SIGTERM: shutting down[\s\S]*stopped/);
  });
});
