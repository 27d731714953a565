// The processes a benchmark step measures: Liveline nodes (the production build, as `npm start` runs it,
// on a fresh database) and the raw `ws` baseline; and what they report about themselves.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createDb } from "../server/db/client";
import { applyMigrations } from "../server/db/apply-migrations";
import { insertApiToken } from "../server/db/tokens";
import { insertUser } from "../server/db/users";
import { spawnServer, withPg, type SpawnedServer } from "../server/test/harness";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export interface ProcessStats {
  queries?: number;
  sockets: number;
  memory: { rss: number; heapUsed: number; heapTotal: number; external: number; arrayBuffers: number };
  eventLoopDelayMs: { p50: number; p99: number; max: number; mean: number };
}

/** GET a process's stats: Liveline's /_debug/stats or the raw server's /stats (`?gc=1`, `?reset=1`). */
export async function statsOf(statsUrl: string, query = ""): Promise<ProcessStats> {
  const res = await fetch(`${statsUrl}${query}`);
  if (!res.ok) throw new Error(`stats: ${res.status}`);
  return (await res.json()) as ProcessStats;
}

/** A fresh database with one editor and its API token: SQLite in a temp folder, or a new PostgreSQL database. */
export async function benchDatabase(
  postgresUrl?: string,
): Promise<{ url: string; token: string; drop(): Promise<void> }> {
  let url: string;
  let drop: () => Promise<void>;
  if (postgresUrl) {
    const name = `liveline_bench_${randomBytes(4).toString("hex")}`;
    await withPg(postgresUrl, (c) => c.query(`CREATE DATABASE ${name}`));
    const u = new URL(postgresUrl);
    u.pathname = `/${name}`;
    url = u.toString();
    drop = () => withPg(postgresUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  } else {
    const dir = mkdtempSync(path.join(tmpdir(), "liveline-bench-"));
    url = `file:${path.join(dir, "bench.db")}`;
    drop = () => Promise.resolve(rmSync(dir, { recursive: true, force: true }));
  }
  await applyMigrations(url);
  const database = createDb(url);
  try {
    const user = await insertUser(database.prisma, {
      email: "bench@bench.liveline",
      role: "EDITOR",
      password: randomBytes(12).toString("hex"),
      displayName: "Bench Editor",
    });
    const { token } = await insertApiToken(database.prisma, user.id, "bench");
    return { url, token, drop };
  } finally {
    await database.close();
  }
}

/** A Liveline node as production runs it, with the debug stats on, logging off and per-address limits off (every reader is 127.0.0.x). */
export function startLiveline(databaseUrl: string, env: Record<string, string> = {}): Promise<SpawnedServer> {
  return spawnServer(databaseUrl, {
    LOG_LEVEL: "silent",
    LIVELINE_DEBUG_STATS: "1",
    SOCKET_MAX_CONNECTIONS_PER_IP: "0",
    SOCKET_MAX_UNSENT_KB_PER_IP: "0",
    READ_RATE_PER_MINUTE: "0",
    WRITE_RATE_PER_MINUTE: "0",
    NODE_OPTIONS: [process.env.NODE_OPTIONS, "--expose-gc"].filter(Boolean).join(" "),
    ...env,
  });
}

export interface RawServer {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

export async function startRawServer(): Promise<RawServer> {
  const child = spawn(process.execPath, ["--expose-gc", "--import", "tsx", "bench/raw-ws-server.ts"], {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "inherit"],
  });
  const port = await new Promise<number>((resolve, reject) => {
    let text = "";
    child.stdout.on("data", (chunk: Buffer) => {
      text += chunk.toString();
      const match = /listening on (\d+)/.exec(text);
      if (match) resolve(Number(match[1]));
    });
    child.once("exit", (code) => reject(new Error(`raw ws server exited with ${code}`)));
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return {
    url: `http://127.0.0.1:${port}`,
    child,
    async stop() {
      child.kill("SIGTERM");
      await exited;
    },
  };
}
