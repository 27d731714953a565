// `npm run bench`: how fast an entry reaches N connected readers, next to the least a Node process could do.
//
// For each step of N readers (BENCH_STEPS, default 1000,5000,10000), two servers run side by side and take
// turns (BENCH_ROUNDS, default 3), each turn publishing its share of K entries (BENCH_PUBLISHES, default 60):
//   - Liveline (production build, fresh SQLite database): N cheap protocol-level readers (bench/readers.ts)
//     and 3 real socket.io-client readers join one blog; entries are published through the HTTP API with a
//     bearer token; each carries its marker and publish time, and every reader's receive time gives
//     publish-to-receive latency. Server RSS and heap per reader and event-loop delay come from the server
//     itself (/_debug/stats). In its last turn autocannon loads the cached reader page with the readers still
//     connected and the server counts its database queries meanwhile.
//   - The raw `ws` baseline (bench/raw-ws-server.ts): the same N readers, the same payload, the same entries.
// Taking turns keeps a machine that speeds up or slows down during a step from favouring one side.
// Then two nodes on PostgreSQL + Redis: readers on node A and publish on A, then readers on node B and
// publish on A (BENCH_CROSS_NODE_READERS, 0 to skip).
// Results go to bench/results/<timestamp>.json and the table in docs/performance.md.
//
// Heavy: 10 000 readers keep both cores busy for minutes. Run it on a quiet machine.
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import autocannon from "autocannon";
import { createClient } from "redis";
import { io, type Socket } from "socket.io-client";
import { ensureBuild } from "../scripts/ensure-build";
import { benchDatabase, ROOT, startLiveline, startRawServer, statsOf, type ProcessStats } from "./processes";
import { connectReaders, type ReaderPool } from "./readers";
import { renderReport, TARGETS_MARKDOWN, writePerformanceDoc } from "./report";

export interface BenchOptions {
  steps: number[];
  publishes: number;
  /** Liveline and the baseline take turns this many times per step, each publishing its share of the entries. */
  rounds: number;
  publishGapMs: number;
  /** autocannon on the reader page per step; 0 skips it. */
  httpSeconds: number;
  httpConnections: number;
  /** Readers for the two-node comparison; 0 skips it. */
  crossNodeReaders: number;
  postgresUrl: string;
  redisUrl: string;
  checkers: number;
  connectConcurrency: number;
  deliveryTimeoutMs: number;
  /** Where results/<timestamp>.json goes; null: nowhere. */
  resultsDir: string | null;
  /** docs/performance.md to update; null: leave it. */
  docsPath: string | null;
  log: (line: string) => void;
}

export interface Latency {
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export interface SideResult {
  readers: number;
  ready: number;
  failed: number;
  connectSeconds: number;
  connectPerSecond: number;
  delivered: number;
  expected: number;
  latencyMs: Latency;
  /** The publish request itself, POST to answer (the answer comes after the fan-out is written). */
  publishRequestMs: Latency;
  rssPerReaderBytes: number;
  heapPerReaderBytes: number;
  rssIdleBytes: number;
  rssLoadedBytes: number;
  eventLoopDelayMs: ProcessStats["eventLoopDelayMs"];
  /** The real socket.io-client readers: each must get every entry. */
  checkers?: { readers: number; delivered: number; expected: number };
  payloadBytes: number;
}

export interface PageResult {
  connections: number;
  seconds: number;
  requests: number;
  requestsPerSecond: number;
  latencyMs: { p50: number; p90: number; p99: number; max: number };
  non2xx: number;
  errors: number;
  queries: number;
  queriesPerView: number;
}

export interface StepResult {
  readers: number;
  liveline: SideResult;
  raw: SideResult;
  page: PageResult | null;
  /** Liveline's publish request with no reader connected (median of 5): the route, validation and transaction alone. */
  publishAloneMs: number;
}

export interface BenchResult {
  startedAt: string;
  finishedAt: string;
  machine: { cpus: number; cpuModel: string; memoryGiB: number; node: string; openFilesLimit: string };
  options: Omit<BenchOptions, "log" | "resultsDir" | "docsPath">;
  steps: StepResult[];
  crossNode: { readers: number; single: SideResult; cross: SideResult } | null;
  resultsFile: string | null;
}

const SLUG = "bench-live";
const WARM_PUBLISHES = 2;
/** Markers of warm-up entries: far from the measured ones, which are counted from 1. */
const WARM_MARKERS = 1_000_000;

export function optionsFromEnv(env: NodeJS.ProcessEnv = process.env): BenchOptions {
  const number = (name: string, fallback: number) =>
    env[name] === undefined || env[name] === "" ? fallback : Number(env[name]);
  const steps = (env.BENCH_STEPS ?? "1000,5000,10000")
    .split(",")
    .map((s) => Number(s.trim()))
    .filter((n) => n > 0);
  return {
    steps,
    publishes: number("BENCH_PUBLISHES", 60),
    rounds: number("BENCH_ROUNDS", 3),
    publishGapMs: number("BENCH_PUBLISH_GAP_MS", 300),
    httpSeconds: number("BENCH_HTTP_SECONDS", 10),
    httpConnections: number("BENCH_HTTP_CONNECTIONS", 100),
    crossNodeReaders: number("BENCH_CROSS_NODE_READERS", Math.max(...steps)),
    postgresUrl: env.BENCH_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/test",
    redisUrl: env.BENCH_REDIS_URL ?? "redis://127.0.0.1:6379",
    checkers: number("BENCH_CHECKERS", 3),
    connectConcurrency: number("BENCH_CONNECT_CONCURRENCY", 200),
    deliveryTimeoutMs: number("BENCH_DELIVERY_TIMEOUT_MS", 30_000),
    resultsDir: env.BENCH_RESULTS_DIR === "" ? null : (env.BENCH_RESULTS_DIR ?? path.join(ROOT, "bench", "results")),
    docsPath: env.BENCH_WRITE_DOCS === "0" ? null : path.join(ROOT, "docs", "performance.md"),
    log: (line) => console.log(line),
  };
}

export async function runBench(options: BenchOptions): Promise<BenchResult> {
  const { log } = options;
  const startedAt = new Date().toISOString();
  const openFilesLimit = openFiles();
  log(
    `[bench] open files limit: ${openFilesLimit}. Each of the harness and the server holds one descriptor per reader:`,
  );
  log(
    `[bench]   for ${Math.max(...options.steps)} readers run \`ulimit -n 65536\` (as root, or raise the hard limit) before npm run bench if it is lower.`,
  );
  ensureBuild(ROOT);

  const steps: StepResult[] = [];
  for (const readers of options.steps) {
    log(`[bench] step: ${readers} readers`);
    const { liveline, raw, page, publishAloneMs } = await measureStep(options, readers);
    log(`[bench]   liveline: ${summary(liveline)}`);
    log(`[bench]   raw ws:   ${summary(raw)}`);
    if (page)
      log(
        `[bench]   page: ${page.requestsPerSecond.toFixed(0)} req/s, p99 ${page.latencyMs.p99} ms, ${page.queriesPerView.toFixed(4)} queries/view`,
      );
    steps.push({ readers, liveline, raw, page, publishAloneMs });
  }

  let crossNode: BenchResult["crossNode"] = null;
  if (options.crossNodeReaders > 0) {
    log(`[bench] two nodes (PostgreSQL + Redis): ${options.crossNodeReaders} readers`);
    crossNode = await measureCrossNode(options, options.crossNodeReaders);
    log(`[bench]   same node:  ${summary(crossNode.single)}`);
    log(`[bench]   other node: ${summary(crossNode.cross)}`);
  }

  const { log: _log, resultsDir, docsPath, ...recorded } = options;
  const result: BenchResult = {
    startedAt,
    finishedAt: new Date().toISOString(),
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? "",
      memoryGiB: Math.round(os.totalmem() / 2 ** 30),
      node: process.version,
      openFilesLimit,
    },
    options: recorded,
    steps,
    crossNode,
    resultsFile: null,
  };
  if (resultsDir) {
    mkdirSync(resultsDir, { recursive: true });
    result.resultsFile = path.join(resultsDir, `${startedAt.replace(/[:.]/g, "-")}.json`);
    writeFileSync(result.resultsFile, JSON.stringify(result, null, 2) + "\n");
  }
  const report = renderReport(result);
  log("");
  log(report);
  log(TARGETS_MARKDOWN);
  if (docsPath) writePerformanceDoc(docsPath, report);
  return result;
}

/**
 * One step: a Liveline node on SQLite and the raw baseline, both running throughout, take turns
 * (`rounds` times each: readers connect, entries go out, readers leave), so a machine that gets
 * slower or faster during the step weighs on both alike. Memory comes from each side's first round;
 * the reader page is loaded during Liveline's last round, with its readers still connected.
 */
async function measureStep(options: BenchOptions, readers: number) {
  const database = await benchDatabase();
  const liveline = await startLiveline(database.url);
  const raw = await startRawServer();
  try {
    const api = apiOf(liveline.url, database.token);
    await api("POST", "/api/blogs", { slug: SLUG, title: "Benchmark live" });
    // A publish with nobody to send it to, once the route, the database and the caches are warm.
    for (let i = 0; i < 3; i++) await publishEntry(api, 0);
    const alone: number[] = [];
    for (let i = 0; i < 5; i++) {
      const start = performance.now();
      await publishEntry(api, 0);
      alone.push(performance.now() - start);
    }
    const stats = `${liveline.url}/_debug/stats`;
    // Turn `round` publishes entries firstOf(round) + 1 … firstOf(round + 1): K in all, shared as evenly as K allows.
    const firstOf = (round: number) => Math.floor((options.publishes * round) / options.rounds);
    const livelineRuns: SideRun[] = [];
    const rawRuns: SideRun[] = [];
    let page: PageResult | null = null;
    let sample = "";
    for (let round = 0; round < options.rounds; round++) {
      const markerOffset = firstOf(round);
      const perRound = { ...options, publishes: firstOf(round + 1) - markerOffset };
      const ours = await measureSide(perRound, {
        readers,
        stats,
        connect: (count) =>
          connectReaders({
            url: wsUrl(liveline.url),
            mode: "socketio",
            slug: SLUG,
            count,
            concurrency: options.connectConcurrency,
          }),
        checkersUrl: liveline.url,
        publish: (k) => publishEntry(api, k),
        markerOffset,
      });
      sample ||= ours.sample;
      if (round === options.rounds - 1 && options.httpSeconds > 0)
        page = await measurePage(options, liveline.url, stats);
      await ours.close();
      livelineRuns.push(ours.run);
      const baseline = await measureSide(perRound, {
        readers,
        stats: `${raw.url}/stats`,
        connect: (count) =>
          connectReaders({
            url: raw.url.replace("http", "ws"),
            mode: "raw",
            slug: SLUG,
            count,
            concurrency: options.connectConcurrency,
          }),
        publish: async (k) => {
          const res = await fetch(`${raw.url}/publish`, {
            method: "POST",
            body: sample.replace(/bench#\d+/, `bench#${k}`),
          });
          await res.arrayBuffer();
        },
        markerOffset,
      });
      await baseline.close();
      rawRuns.push(baseline.run);
    }
    return {
      liveline: combineRuns(livelineRuns),
      raw: combineRuns(rawRuns),
      page,
      publishAloneMs: percentiles(alone).p50,
    };
  } finally {
    await Promise.all([liveline.stop(), raw.stop()]);
    await database.drop();
  }
}

async function measureCrossNode(options: BenchOptions, readers: number) {
  const database = await benchDatabase(options.postgresUrl);
  const prefix = `liveline-bench-${Date.now()}`;
  const env = { REDIS_URL: options.redisUrl, REDIS_PREFIX: prefix };
  const a = await startLiveline(database.url, env);
  const b = await startLiveline(database.url, env);
  try {
    const api = apiOf(a.url, database.token);
    await api("POST", "/api/blogs", { slug: SLUG, title: "Benchmark live" });
    await publishEntry(api, 0);
    let k = 0;
    const on = async (node: { url: string }) => {
      const base = k;
      const side = await measureSide(options, {
        readers,
        stats: `${node.url}/_debug/stats`,
        connect: (count) =>
          connectReaders({
            url: wsUrl(node.url),
            mode: "socketio",
            slug: SLUG,
            count,
            concurrency: options.connectConcurrency,
          }),
        checkersUrl: node.url,
        // Markers keep growing so a late frame of the first half is never counted in the second.
        publish: (k) => publishEntry(api, k),
        markerOffset: base,
      });
      k += options.publishes;
      await side.close();
      return side.run.result;
    };
    const single = await on(a);
    const cross = await on(b);
    return { readers, single, cross };
  } finally {
    await Promise.all([a.stop(), b.stop()]);
    await database.drop();
    await dropRedisKeys(options.redisUrl, prefix).catch(() => undefined);
  }
}

interface SideSetup {
  readers: number;
  stats: string;
  connect(count: number): Promise<ReaderPool>;
  /** Liveline: also connect real socket.io-client readers there. */
  checkersUrl?: string;
  publish(k: number): Promise<unknown>;
  markerOffset?: number;
}

/** One side's turn: its figures, and the samples behind its percentiles so that turns can be combined. */
interface SideRun {
  result: SideResult;
  latencies: number[];
  requestMs: number[];
}

/** A side's turns as one result: every delivery and request counts; memory and connect rate from the first turn. */
function combineRuns(runs: SideRun[]): SideResult {
  const [first, ...rest] = runs as [SideRun, ...SideRun[]];
  if (!rest.length) return first.result;
  const all = runs.map((run) => run.result);
  const sum = (pick: (side: SideResult) => number) => all.reduce((n, side) => n + pick(side), 0);
  const checkers = all.every((side) => side.checkers)
    ? {
        readers: first.result.checkers!.readers,
        delivered: sum((side) => side.checkers!.delivered),
        expected: sum((side) => side.checkers!.expected),
      }
    : undefined;
  return {
    ...first.result,
    ready: Math.min(...all.map((side) => side.ready)),
    failed: Math.max(...all.map((side) => side.failed)),
    delivered: sum((side) => side.delivered),
    expected: sum((side) => side.expected),
    latencyMs: percentiles(runs.flatMap((run) => run.latencies)),
    publishRequestMs: percentiles(runs.flatMap((run) => run.requestMs)),
    // The worse turn's event loop.
    eventLoopDelayMs: all.reduce(
      (worst, side) => (side.eventLoopDelayMs.p99 > worst.p99 ? side.eventLoopDelayMs : worst),
      first.result.eventLoopDelayMs,
    ),
    ...(checkers ? { checkers } : {}),
  };
}

async function measureSide(options: BenchOptions, setup: SideSetup) {
  const offset = setup.markerOffset ?? 0;
  // A few readers come and go first, so "idle" already holds the code and buffers any reader needs.
  const warm = await setup.connect(Math.min(50, setup.readers));
  await warm.close();
  await pause(300);
  await statsOf(setup.stats, "?gc=1");
  const idle = await statsOf(setup.stats, "?gc=1");
  const pool = await setup.connect(setup.readers);
  const checkers = setup.checkersUrl ? await connectCheckers(setup.checkersUrl, options.checkers) : [];
  await pause(500); // let the join burst and its reader-count sends settle
  await statsOf(setup.stats, "?gc=1");
  const loaded = await statsOf(setup.stats, "?gc=1&reset=1");

  // Two entries first that are not measured, so the first fan-out to these readers (code not yet
  // optimized, buffers not yet grown) weighs on neither side.
  for (let w = 1; w <= WARM_PUBLISHES; w++) {
    await setup.publish(WARM_MARKERS + offset + w);
    await pause(options.publishGapMs);
  }
  const sentAt = new Map<number, number>();
  const requestMs: number[] = [];
  for (let i = 1; i <= options.publishes; i++) {
    const k = offset + i;
    const start = performance.now();
    sentAt.set(k, start);
    await setup.publish(k);
    requestMs.push(performance.now() - start);
    await pause(options.publishGapMs);
  }
  const expected = pool.ready * options.publishes;
  const delivered = () => {
    let n = 0;
    for (let i = 1; i <= options.publishes; i++) n += pool.received.get(offset + i)?.length ?? 0;
    return n;
  };
  const checkersDone = () =>
    checkers.every((c) => countMarkers(c.markers, offset, options.publishes) >= options.publishes);
  const deadline = performance.now() + options.deliveryTimeoutMs;
  while ((delivered() < expected || !checkersDone()) && performance.now() < deadline) await pause(100);
  const after = await statsOf(setup.stats);

  const latencies: number[] = [];
  for (let i = 1; i <= options.publishes; i++) {
    const k = offset + i;
    for (const at of pool.received.get(k) ?? []) latencies.push(at - sentAt.get(k)!);
  }
  const result: SideResult = {
    readers: setup.readers,
    ready: pool.ready,
    failed: pool.failed,
    connectSeconds: round(pool.connectMs / 1000, 2),
    connectPerSecond: Math.round(pool.ready / (pool.connectMs / 1000)),
    delivered: delivered(),
    expected,
    latencyMs: percentiles(latencies),
    publishRequestMs: percentiles(requestMs),
    rssPerReaderBytes: Math.round((loaded.memory.rss - idle.memory.rss) / Math.max(1, pool.ready)),
    heapPerReaderBytes: Math.round((loaded.memory.heapUsed - idle.memory.heapUsed) / Math.max(1, pool.ready)),
    rssIdleBytes: idle.memory.rss,
    rssLoadedBytes: loaded.memory.rss,
    eventLoopDelayMs: after.eventLoopDelayMs,
    ...(checkers.length
      ? {
          checkers: {
            readers: checkers.length,
            delivered: checkers.reduce((n, c) => n + countMarkers(c.markers, offset, options.publishes), 0),
            expected: checkers.length * options.publishes,
          },
        }
      : {}),
    payloadBytes: checkers[0]?.sample.length ?? 0,
  };
  return {
    run: { result, latencies, requestMs },
    sample: checkers[0]?.sample ?? "",
    async close() {
      for (const c of checkers) c.socket.disconnect();
      await pool.close();
    },
  };
}

/** Real socket.io clients (websocket first, polling as fallback, as browsers connect): the harness's own check. */
async function connectCheckers(url: string, count: number) {
  return Promise.all(
    Array.from({ length: count }, async () => {
      const socket: Socket = io(url, { transports: ["websocket", "polling"], forceNew: true, reconnection: false });
      const checker = { socket, markers: new Set<number>(), sample: "" };
      socket.on("entry:published", (payload: { entry: { headline: string | null } }) => {
        const k = Number(/bench#(\d+)/.exec(payload.entry.headline ?? "")?.[1]);
        checker.markers.add(k);
        checker.sample = `42${JSON.stringify(["entry:published", payload])}`;
      });
      await new Promise<void>((resolve, reject) => {
        socket.once("connect", () => socket.emit("blog:join", { slug: SLUG }, () => resolve()));
        socket.once("connect_error", reject);
      });
      return checker;
    }),
  );
}

/** autocannon on the cached reader page while the readers stay connected; the server counts its queries meanwhile. */
async function measurePage(options: BenchOptions, base: string, stats: string): Promise<PageResult> {
  const url = `${base}/live/${SLUG}`;
  await (await fetch(url)).text(); // the first view after the last publish fills the cache
  const before = (await statsOf(stats)).queries ?? 0;
  // As browsers ask for it: compressed. Uncompressed, the 120 KB page keeps autocannon's own JS parsing
  // busier than the server on two shared cores, and measures the load generator instead (docs/performance.md).
  const run = await autocannon({
    url,
    connections: options.httpConnections,
    duration: options.httpSeconds,
    headers: { "accept-encoding": "gzip, deflate, br" },
  });
  const queries = ((await statsOf(stats)).queries ?? 0) - before;
  return {
    connections: options.httpConnections,
    seconds: options.httpSeconds,
    requests: run.requests.total,
    requestsPerSecond: run.requests.average,
    latencyMs: { p50: run.latency.p50, p90: run.latency.p90, p99: run.latency.p99, max: run.latency.max },
    non2xx: run.non2xx,
    errors: run.errors + run.timeouts,
    queries,
    queriesPerView: run.requests.total ? queries / run.requests.total : 0,
  };
}

type Api = (method: string, pathname: string, body?: unknown) => Promise<unknown>;

function apiOf(base: string, token: string): Api {
  return async (method, pathname, body) => {
    const res = await fetch(base + pathname, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${pathname}: ${res.status} ${text}`);
    return text ? JSON.parse(text) : null;
  };
}

/** Each entry carries its marker and publish time; a typical update's size (~600 bytes of body). */
function publishEntry(api: Api, k: number) {
  const now = new Date().toISOString();
  return api("POST", `/api/blogs/${SLUG}/entries`, {
    headline: `bench#${k} published ${now}`,
    body: `<p>Published at ${now}. ${"Counting continues in the northern districts, where turnout was the highest since 1998. ".repeat(6)}</p>`,
  });
}

const wsUrl = (base: string) => `${base.replace("http", "ws")}/socket.io/?EIO=4&transport=websocket`;
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

function countMarkers(markers: Set<number>, offset: number, publishes: number): number {
  let n = 0;
  for (let i = 1; i <= publishes; i++) if (markers.has(offset + i)) n++;
  return n;
}

export function percentiles(values: number[]): Latency {
  if (!values.length) return { p50: NaN, p95: NaN, p99: NaN, max: NaN };
  const sorted = Float64Array.from(values).sort();
  const at = (q: number) => round(sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!, 1);
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99), max: round(sorted[sorted.length - 1]!, 1) };
}

function summary(side: SideResult): string {
  const l = side.latencyMs;
  return `${side.ready}/${side.readers} ready at ${side.connectPerSecond}/s, delivered ${side.delivered}/${side.expected}, latency p50 ${l.p50} p99 ${l.p99} max ${l.max} ms, ${(side.rssPerReaderBytes / 1024).toFixed(1)} KB RSS/reader`;
}

function openFiles(): string {
  try {
    return (
      /Max open files\s+(\S+)\s+(\S+)/.exec(readFileSync("/proc/self/limits", "utf8"))?.slice(1, 3).join(" (hard ") +
        ")" || "unknown"
    );
  } catch {
    return "unknown";
  }
}

async function dropRedisKeys(url: string, prefix: string): Promise<void> {
  const redis = createClient({ url });
  await redis.connect();
  for await (const keys of redis.scanIterator({ MATCH: `${prefix}*`, COUNT: 100 }))
    if (keys.length) await redis.del(keys);
  await redis.close();
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runBench(optionsFromEnv())
    .then(() => process.exit(0))
    .catch((error: unknown) => {
      console.error("[bench] failed:", error);
      process.exit(1);
    });
}
