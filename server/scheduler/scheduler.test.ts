// The scheduler against a real database: due vs not due, two nodes racing, a restart with overdue entries.
import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/common/permissions";
import { listAuditEvents } from "../db/audit";
import { createBlog, updateBlog } from "../db/blogs";
import { createDb, type Database } from "../db/client";
import type { EntryDTO } from "@/common/contracts/dto";
import { createEntry, updateEntry } from "../db/entries";
import { replayEventsSince } from "../db/events";
import { applyMigrations } from "../db/apply-migrations";
import { insertUser } from "../db/users";
import { createTestDatabase } from "../test/harness";
import { opened } from "../test/committed";
import { publishDueEntries, startScheduler } from "./scheduler";

let url: string;
let database: Database;
let drop: () => Promise<void>;
let editor: Actor;

beforeAll(async () => {
  const fresh = await createTestDatabase();
  url = fresh.url;
  drop = fresh.drop;
  await applyMigrations(url);
  database = createDb(url);
  const e = await insertUser(database.prisma, { email: "e@x.org", role: "EDITOR", password: "password1" });
  editor = { id: e.id, role: e.role, name: e.displayName };
});

afterAll(async () => {
  await database?.close();
  await drop?.();
});

async function schedule(slug: string, body: string, at: Date): Promise<string> {
  const { entry } = opened(
    await createEntry(database.prisma, editor, slug, {
      body: `<p>${body}</p>`,
      status: "SCHEDULED",
      scheduledAt: at.toISOString(),
      keyEvent: false,
    }),
  );
  return entry.id;
}

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

interface Node {
  ready: Promise<void>;
  go(): Promise<string[]>;
}

/** Another process on the same database (another node), which runs publishDueEntries once when told to go. */
function startNode(now: Date): Node {
  const child = spawn(
    path.join(ROOT, "node_modules", ".bin", "tsx"),
    ["server/scheduler/testing/publish-due-node.ts", now.toISOString()],
    {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: url },
      stdio: ["pipe", "pipe", "pipe"],
    },
  );
  let out = "";
  let err = "";
  child.stderr.on("data", (chunk: Buffer) => (err += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes("ready\n")) resolve();
    });
    void exited.then((code) => reject(new Error(`node exited with ${code} before it was ready:\n${err}`)));
  });
  return {
    ready,
    async go() {
      child.stdin.end("go\n");
      const code = await exited;
      if (code !== 0) throw new Error(`node exited with ${code}:\n${err}`);
      return JSON.parse(out.trim().split("\n").at(-1)!) as string[];
    },
  };
}

const secondsFromNow = (s: number) => new Date(Date.now() + s * 1000);

async function publishedEventsFor(slug: string, id: string): Promise<number> {
  const { events } = await replayEventsSince(database.prisma, slug, 0);
  return events.filter((e) => e.type === "entry:published" && e.payload.entry.id === id).length;
}

describe("publishDueEntries", () => {
  it("publishes what is due, leaves the rest, and records it as the system", async () => {
    const db = database.prisma;
    await createBlog(db, editor, { slug: "due-blog", title: "Due", summary: "" });
    const soon = await schedule("due-blog", "soon", secondsFromNow(1));
    const later = await schedule("due-blog", "later", secondsFromNow(3600));

    expect(await publishDueEntries(db, new Date())).toEqual([]);
    const now = secondsFromNow(2);
    const changes = (await publishDueEntries(db, now)).map(opened);
    expect(changes.map((c) => c.id)).toEqual([soon]);
    expect(changes[0]!).toMatchObject({
      status: "PUBLISHED",
      scheduledAt: null,
      publishedAt: now.toISOString(),
      version: 2,
    });
    expect(changes[0]!.event).toMatchObject({
      type: "entry:published",
      payload: { blog: "due-blog", entry: { id: soon } },
    });
    expect((await db.entry.findUniqueOrThrow({ where: { id: later } })).status).toBe("SCHEDULED");
    expect(await publishDueEntries(db, now)).toEqual([]);

    const { events } = await listAuditEvents(db, editor, "due-blog", { limit: 10 });
    expect(events[0]).toMatchObject({
      action: "entry.published",
      actor: null,
      entryId: soon,
      summary: "soon (on schedule)",
    });
  });

  it("publishes each entry exactly once when several nodes run at the same time", async () => {
    const db = database.prisma;
    await createBlog(db, editor, { slug: "race-blog", title: "Race", summary: "" });
    const ids: string[] = [];
    for (let i = 0; i < 20; i++) ids.push(await schedule("race-blog", `race ${i}`, secondsFromNow(1)));
    // Three processes on the same database are three nodes, told to start at the same moment.
    const now = secondsFromNow(2);
    const nodes = [startNode(now), startNode(now), startNode(now)];
    await Promise.all(nodes.map((node) => node.ready));
    const results = await Promise.all(nodes.map((node) => node.go()));
    const published = results.flat();
    expect([...published].sort()).toEqual([...ids].sort());
    for (const id of ids) expect(await publishedEventsFor("race-blog", id)).toBe(1);
    const audit = await db.auditEvent.count({ where: { entryId: { in: ids }, action: "entry.published" } });
    expect(audit).toBe(ids.length);
  }, 30_000);

  it("does not publish an entry someone moved back to draft, nor one in an ended blog until it reopens", async () => {
    const db = database.prisma;
    await createBlog(db, editor, { slug: "moved-blog", title: "Moved", summary: "" });
    const drafted = await schedule("moved-blog", "drafted", secondsFromNow(1));
    await updateEntry(db, editor, "moved-blog", drafted, { version: 1, status: "DRAFT" });
    const waiting = await schedule("moved-blog", "waiting", secondsFromNow(1));
    await updateBlog(db, editor, "moved-blog", { status: "ENDED" });
    expect(await publishDueEntries(db, secondsFromNow(2))).toEqual([]);
    await updateBlog(db, editor, "moved-blog", { status: "LIVE" });
    expect((await publishDueEntries(db, secondsFromNow(2))).map((c) => opened(c).id)).toEqual([waiting]);
  });
});

describe("startScheduler", () => {
  it("publishes an overdue entry as soon as a new scheduler starts, once, and stops cleanly", async () => {
    const db = database.prisma;
    await createBlog(db, editor, { slug: "restart-blog", title: "Restart", summary: "" });
    const id = await schedule("restart-blog", "overdue", secondsFromNow(0.3));
    // Nobody runs a scheduler while it falls due (the node is down).
    await new Promise((resolve) => setTimeout(resolve, 400));
    const published: EntryDTO[] = [];
    const scheduler = startScheduler({ db, apply: (change) => published.push(opened(change)), intervalMs: 50 });
    try {
      const start = Date.now();
      while (published.length === 0 && Date.now() - start < 5000)
        await new Promise((resolve) => setTimeout(resolve, 10));
      expect(published.map((entry) => entry.id)).toEqual([id]);
      // Later ticks find nothing more to do.
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(published).toHaveLength(1);
    } finally {
      await scheduler.stop();
    }
    expect(await publishedEventsFor("restart-blog", id)).toBe(1);
  });

  it("publishes an entry that falls due while it runs", async () => {
    const db = database.prisma;
    await createBlog(db, editor, { slug: "tick-blog", title: "Tick", summary: "" });
    const published: EntryDTO[] = [];
    const scheduler = startScheduler({ db, apply: (change) => published.push(opened(change)), intervalMs: 50 });
    try {
      const id = await schedule("tick-blog", "on time", secondsFromNow(0.3));
      await new Promise((resolve) => setTimeout(resolve, 150));
      expect(published).toHaveLength(0);
      const start = Date.now();
      while (published.length === 0 && Date.now() - start < 5000)
        await new Promise((resolve) => setTimeout(resolve, 10));
      expect(published.map((entry) => entry.id)).toEqual([id]);
    } finally {
      await scheduler.stop();
    }
  });
});
