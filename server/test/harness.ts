// Starts the real Liveline process on a free port with its own fresh database, for integration and e2e tests.
// SQLite by default (a temp file); PostgreSQL when DATABASE_URL points at one (a fresh database per server).
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { request as httpRequest, type ClientRequest, type IncomingHttpHeaders } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { createClient } from "redis";
import type { Role } from "@/common/contracts/dto";
import { createDb, type Database, type DbOptions } from "../db/client";
import { applyMigrations } from "../db/apply-migrations";
import { insertApiToken } from "../db/tokens";
import { insertUser } from "../db/users";
import { buildIsCurrent } from "../../scripts/ensure-build";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export interface TestUser {
  id: string;
  email: string;
  password: string;
  role: Role;
  /** A bearer token acting as this user. */
  token: string;
}

export type TestUsers = Record<
  "admin" | "editor" | "journalist" | "journalist2" | "contributor" | "contributor2",
  TestUser
>;

export interface TestServer {
  url: string;
  databaseUrl: string;
  /** A direct connection to the server's database, for seeding and checks. */
  db: Database;
  users: TestUsers;
  output: () => string;
  /** Sends SIGTERM and waits for the process to exit; returns its exit code. */
  stop(): Promise<number | null>;
  /** Stops the server and drops its database. */
  dispose(): Promise<void>;
}

export interface TestServerOptions {
  env?: Record<string, string>;
  seedUsers?: boolean;
}

/** A fresh, empty database of the kind this test run uses. */
export async function createTestDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const base = process.env.DATABASE_URL;
  if (base && /^postgres(ql)?:\/\//.test(base)) {
    const name = `liveline_t_${randomBytes(6).toString("hex")}`;
    await withPg(base, (client) => client.query(`CREATE DATABASE ${name}`));
    const url = new URL(base);
    url.pathname = `/${name}`;
    return {
      url: url.toString(),
      drop: () => withPg(base, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)),
    };
  }
  const dir = mkdtempSync(path.join(tmpdir(), "liveline-test-"));
  const drop = () => {
    rmSync(dir, { recursive: true, force: true });
    return Promise.resolve();
  };
  return { url: `file:${path.join(dir, "test.db")}`, drop };
}

/** A fresh, migrated database with a client open on it, for data-layer tests; `dispose` closes and drops it. */
export async function openTestDatabase(options?: DbOptions): Promise<Database & { dispose(): Promise<void> }> {
  const fresh = await createTestDatabase();
  await applyMigrations(fresh.url);
  const database = createDb(fresh.url, options);
  return { ...database, dispose: () => database.close().then(fresh.drop) };
}

/** Deletes every Redis key under `prefix`: what a test that ran servers with REDIS_PREFIX=prefix leaves behind. */
export async function deleteRedisKeys(url: string, prefix: string): Promise<void> {
  const redis = createClient({ url });
  await redis.connect();
  try {
    for await (const keys of redis.scanIterator({ MATCH: `${prefix}*`, COUNT: 100 }))
      if (keys.length) await redis.del(keys);
  } finally {
    await redis.close();
  }
}

/** One short-lived PostgreSQL connection for a piece of admin work (creating or dropping a database). */
export async function withPg(connectionString: string, work: (client: pg.Client) => Promise<unknown>): Promise<void> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await work(client);
  } finally {
    await client.end();
  }
}

export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  if (!buildIsCurrent(ROOT))
    throw new Error("The Next.js build is missing or older than the sources: run `npm run build` (npm test does it)");
  const database = await createTestDatabase();
  await applyMigrations(database.url);
  const db = createDb(database.url);
  const users = options.seedUsers === false ? ({} as TestUsers) : await seedUsers(db);
  const server = await spawnServer(database.url, options.env ?? {});
  return {
    ...server,
    databaseUrl: database.url,
    db,
    users,
    async dispose() {
      await server.stop();
      await db.close();
      await database.drop();
    },
  };
}

export interface SpawnedServer {
  child: ChildProcess;
  url: string;
  output: () => string;
  stop(): Promise<number | null>;
}

/** Runs server/index.ts as `npm start` would (production mode) and waits until it listens. */
export async function spawnServer(databaseUrl: string, env: Record<string, string> = {}): Promise<SpawnedServer> {
  // With Redis (the PostgreSQL + Redis run sets REDIS_URL), each server gets a stream, channels and keys of
  // its own, so tests running side by side never hear each other; tests that pair nodes pass one prefix.
  const redisUrl = env.REDIS_URL ?? process.env.REDIS_URL;
  const ownPrefix = redisUrl && !env.REDIS_PREFIX ? `liveline-test-${randomBytes(4).toString("hex")}` : undefined;
  // tsx as a loader inside one node process, not the tsx CLI: the CLI relays SIGTERM to a child and
  // SIGKILLs it when the child does not confirm within 30 ms, which a busy machine can miss.
  const child = spawn(process.execPath, ["--import", "tsx", "server/index.ts"], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      PORT: "0",
      HOST: "127.0.0.1",
      LIVELINE_DEMO: "0",
      DATABASE_URL: databaseUrl,
      ...(ownPrefix ? { REDIS_PREFIX: ownPrefix } : {}),
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let text = "";
  const collect = (chunk: Buffer) => {
    text += chunk.toString();
  };
  child.stdout.on("data", collect);
  child.stderr.on("data", collect);
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));

  const url = await new Promise<string>((resolve, reject) => {
    const timer = setInterval(() => {
      const match = /listening on (http:\/\/localhost:\d+)/.exec(text);
      if (match?.[1]) {
        clearInterval(timer);
        resolve(match[1].replace("localhost", "127.0.0.1"));
      }
    }, 25);
    const deadline = setTimeout(() => {
      clearInterval(timer);
      reject(new Error(`server did not start within 60 s:\n${text}`));
    }, 60_000);
    void exited.then((code) => {
      clearInterval(timer);
      clearTimeout(deadline);
      reject(new Error(`server exited with ${code} before listening:\n${text}`));
    });
  });

  let stopping: Promise<number | null> | null = null;
  return {
    child,
    url,
    output: () => text,
    stop() {
      if (!stopping) {
        if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
        stopping = exited.then(async (code) => {
          if (redisUrl && ownPrefix) await deleteRedisKeys(redisUrl, ownPrefix).catch(() => undefined);
          return code;
        });
      }
      return stopping;
    },
  };
}

async function seedUsers(database: Database): Promise<TestUsers> {
  const specs = [
    ["admin", "ADMIN"],
    ["editor", "EDITOR"],
    ["journalist", "JOURNALIST"],
    ["journalist2", "JOURNALIST"],
    ["contributor", "CONTRIBUTOR"],
    ["contributor2", "CONTRIBUTOR"],
  ] as const;
  const users = {} as TestUsers;
  for (const [key, role] of specs) {
    const email = `${key}@test.liveline`;
    const password = `pw-${key}-${randomBytes(4).toString("hex")}`;
    const user = await insertUser(database.prisma, { email, role, password, displayName: `Test ${key}` });
    const { token } = await insertApiToken(database.prisma, user.id, `${key} test token`);
    users[key] = { id: user.id, email, password, role, token };
  }
  return users;
}

/**
 * Polls `read` until it gives something other than undefined, null or false, and returns that. Tests wait
 * for what they expect to see rather than sleep: on a busy machine an event arrives when it arrives. The
 * default is generous because a stuck wait only costs time on a failing run.
 */
export async function waitFor<T>(
  read: () => T | undefined | null | false | Promise<T | undefined | null | false>,
  what: string,
  timeoutMs = 15_000,
): Promise<T> {
  const start = Date.now();
  for (;;) {
    const value = await read();
    if (value !== undefined && value !== null && value !== false) return value;
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

export interface ApiAnswer<T> {
  status: number;
  body: T;
  headers: Headers;
}

/** A small JSON client for the API, acting as a user when given a bearer token. */
export function apiClient(base: string, token?: string) {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return async <T = any>(
    method: string,
    pathname: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<ApiAnswer<T>> => {
    const response = await fetch(base + pathname, {
      method,
      headers: {
        ...(body === undefined ? {} : { "content-type": "application/json" }),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
    });
    const text = await response.text();
    const parsed = text && response.headers.get("content-type")?.includes("json") ? JSON.parse(text) : text;
    return { status: response.status, body: parsed as T, headers: response.headers };
  };
}

/** Signs in over the API and returns the session cookie (`name=value`), to send as a signed-in browser does. */
export async function sessionCookie(base: string, user: { email: string; password: string }): Promise<string> {
  const login = await apiClient(base)("POST", "/api/auth/login", { email: user.email, password: user.password });
  if (login.status !== 200) throw new Error(`signing in as ${user.email} answered ${login.status}`);
  return (login.headers.get("set-cookie") ?? "").split(";")[0]!;
}

export interface RawAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/**
 * A request through node:http, sent exactly as given: fetch would resolve "/embed/.%2e/admin" before
 * sending it, refuses TRACE and a Content-Length that does not match the body, and cannot pause between
 * headers and body. The headers go out at once; write the body on `request` when the test is ready.
 */
export function openRequest(
  base: string,
  method: string,
  path: string,
  headers: Record<string, string> = {},
): { request: ClientRequest; answer: Promise<RawAnswer> } {
  const { hostname, port } = new URL(base);
  const request = httpRequest({ host: hostname, port, method, path, headers });
  const answer = new Promise<RawAnswer>((resolve, reject) => {
    // "on", not "once": a socket reset after the answer (the test destroyed it) must not go unhandled.
    request.on("error", reject);
    request.once("response", (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (body += chunk));
      response.once("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
      response.on("error", reject);
    });
  });
  request.flushHeaders();
  return { request, answer };
}

/** openRequest with the whole body sent at once. */
export function rawRequest(
  base: string,
  method: string,
  path: string,
  headers: Record<string, string> = {},
  body?: string,
): Promise<RawAnswer> {
  const { request, answer } = openRequest(base, method, path, headers);
  request.end(body);
  return answer;
}
