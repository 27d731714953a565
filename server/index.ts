// The Liveline process: one HTTP server on one port carrying Next.js pages, the JSON API and socket.io.
import { createServer } from "node:http";
import next from "next";
import { loadConfig } from "./config";
import { createPageCache } from "./cache/page-cache";
import { createReadCache } from "./cache/read-cache";
import { createDb } from "./db/client";
import { findBlog } from "./db/blogs";
import { applyMigrations, MigrationHistoryError } from "./db/apply-migrations";
import { seedDemoOnFirstStart } from "./demo/seed-demo";
import { countQueries, createDebugStats } from "./ops/debug-stats";
import { createHealthCheck } from "./ops/health";
import { ORIGIN_HEADER, originOf } from "./http/origin";
import { notFoundPage } from "./http/not-found-page";
import { refuseUnservable } from "./http/request-target";
import { applySecurityHeaders } from "./http/security-headers";
import { isUnknownBlogPage } from "./http/unknown-blog-page";
import { CLIENT_ADDRESS_HEADER, clientAddress } from "./limits/client-address";
import { connectRedisAttemptStore } from "./limits/redis-attempt-store";
import { createRequestLimits } from "./limits/request-limits";
import { isEmbedScriptRequest, serveEmbedScript } from "./embed/embed-script";
import { createRealtimeServer } from "./realtime/create-realtime-server";
import { connectRedisCluster } from "./realtime/redis-adapter";
import { createRuntime, installRuntime } from "./runtime";
import { startScheduler } from "./scheduler/scheduler";

async function main(): Promise<void> {
  const config = loadConfig();
  const log = (message: string, error?: unknown) => {
    if (config.logLevel !== "silent") console.log(`[liveline] ${message}`, ...(error === undefined ? [] : [error]));
  };

  const { applied, ahead } = await applyMigrations(config.databaseUrl);
  if (applied.length) log(`applied migrations: ${applied.join(", ")}`);
  if (ahead.length)
    log(
      `the database has migrations this version does not know (${ahead.join(", ")}): it was migrated by a ` +
        `newer release; starting anyway, as a release's migrations keep the previous one working`,
    );
  const database = createDb(config.databaseUrl, {
    busyTimeoutMs: config.databaseBusyTimeoutMs,
    eventLogRetention: config.eventLogRetention,
  });
  // With LIVELINE_DEBUG_STATS the request and socket paths count their queries (the scheduler's poll is not counted).
  const queryCounter = config.debugStats ? countQueries(database.prisma) : null;
  const db = queryCounter?.db ?? database.prisma;
  if (config.demo) {
    const credentials = await seedDemoOnFirstStart(db);
    if (credentials) printDemoCredentials(credentials);
  }

  // Several nodes share readers and cache drops through Redis; alone, nothing leaves the process.
  const cluster = config.redisUrl
    ? await connectRedisCluster({
        url: config.redisUrl,
        prefix: config.redisPrefix,
        log,
        onRemoteChange: (slug) => readCache.applyRemoteChange(slug),
      })
    : undefined;
  // Failed sign-ins are counted where every node sees them (Redis), so throttling holds across nodes.
  const attempts = config.redisUrl
    ? await connectRedisAttemptStore(config.redisUrl, config.redisPrefix, log)
    : undefined;
  const limits = createRequestLimits(config.limits, attempts?.store);
  const readCache = createReadCache({
    ttlMs: config.readCacheTtlMs,
    relay: cluster && ((slug) => cluster.shareChange(slug)),
  });
  const pageCache = createPageCache(readCache, { publicUrl: config.publicUrl });
  // The blog as reader pages and blog:join check it: once per change, however many views and joins.
  const cachedBlog = (slug: string) =>
    readCache.blog(slug, "blog-lookup", () => findBlog(db, slug), { keepIf: (blog) => blog !== null });
  const health = createHealthCheck({ db: database.prisma, stopping: () => stopping });
  const debugStats = queryCounter
    ? createDebugStats({
        queries: () => queryCounter.count(),
        sockets: () => realtime.io.engine.clientsCount,
        cache: () => readCache.stats(),
      })
    : null;

  // `npm run dev` has no build step: the embed's script is bundled here (`npm run build` does it otherwise).
  if (config.dev) await (await import("../scripts/build-embed")).buildEmbedClient();
  const app = next({ dev: config.dev, dir: process.cwd(), hostname: "localhost", port: config.port });
  await app.prepare();
  const handle = app.getRequestHandler();
  const render404 = notFoundPage(handle);

  // A slow client is cut off (408) once its headers, or its whole request, take longer than configured.
  const timeouts = {
    headersTimeout: config.timeouts.headersMs,
    requestTimeout: config.timeouts.requestMs,
    // Node looks for timed-out requests only this often (every 30 s by default, longer than the timeouts).
    connectionsCheckingInterval: Math.min(5_000, config.timeouts.headersMs / 2),
  };
  const http = createServer(timeouts, (req, res) => {
    // Route handlers and pages learn the client's address and the origin it addressed from here only (forwarded
    // headers count behind a trusted proxy only); whatever a client sent under these names is replaced.
    req.headers[CLIENT_ADDRESS_HEADER] = clientAddress(
      req.socket.remoteAddress,
      req.headers["x-forwarded-for"],
      config.trustProxy,
    );
    const origin = originOf({ headers: req.headers, encrypted: "encrypted" in req.socket }, config.trustProxy);
    req.headers[ORIGIN_HEADER] = origin;
    // Every response's security headers, in one place (embeds stay frameable by any site; Next.js puts the policy's nonce on its scripts).
    const https = origin.startsWith("https:");
    applySecurityHeaders(req, res, { https, dev: config.dev, imageHosts: config.imageHosts });
    const failed = (error: unknown) => {
      log(`request failed: ${req.method} ${req.url}`, error);
      if (!res.headersSent) res.writeHead(500, { "content-type": "application/json" });
      res.end(JSON.stringify({ error: "internal error" }));
    };
    // Unknown methods and undecodable paths get a 501/400/404 here, not a 500 from inside Next.js.
    if (refuseUnservable(req, res, () => render404(req, res).catch(failed))) return;
    if (health.handles(req)) return void health.answer(res);
    // The embed's own script (content-hashed, gzipped once): not a Next.js asset, see server/embed/embed-script.ts.
    if (isEmbedScriptRequest(req)) {
      try {
        return serveEmbedScript(req, res);
      } catch (error) {
        return failed(error);
      }
    }
    if (debugStats?.handles(req)) return debugStats.answer(req, res);
    isUnknownBlogPage(db, req.method, req.url, async (slug) => (await cachedBlog(slug)) !== null)
      .then((unknown) => (unknown ? render404(req, res) : pageCache.handle(req, res, handle)))
      .catch(failed);
  });
  const realtime = createRealtimeServer(http, {
    db,
    cluster,
    findBlog: cachedBlog,
    log,
    trustProxy: config.trustProxy,
    publicUrl: config.publicUrl,
    maxConnectionsPerAddress: config.limits.socketConnectionsPerIp,
    joinsPerConnection: config.limits.socketJoins,
    maxUnsentBytes: config.limits.socketUnsentBytes,
    maxUnsentBytesPerAddress: config.limits.socketUnsentBytesPerIp,
    fastPaths: config.socketFastPaths,
  });
  // Every committed change's effects go through runtime.apply (server/effects.ts): a change readers can see drops
  // its blog's cached reads (on every node) before its event is sent.
  const runtime = createRuntime({ config, db, readCache, limits, realtime });
  installRuntime(runtime);

  await new Promise<void>((resolve) => http.listen(config.port, config.host, resolve));
  const address = http.address();
  const port = typeof address === "object" && address ? address.port : config.port;
  console.log(`[liveline] listening on http://localhost:${port} (database: ${database.provider})`);
  // Started after listen, so entries that fell due while the process was down publish now, to connected readers.
  const scheduler = startScheduler({ db: database.prisma, apply: runtime.apply, log });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: shutting down`);
    // A stuck connection must not keep the process alive forever.
    setTimeout(() => process.exit(1), 10_000).unref();
    http.closeIdleConnections();
    await scheduler.stop(); // before the database closes; an entry it already claimed is committed or rolled back
    await realtime.close(); // stops accepting and disconnects every socket (closes the HTTP server too)
    await cluster?.close().catch(() => undefined);
    await attempts?.close().catch(() => undefined);
    debugStats?.close();
    installRuntime(undefined);
    await app.close?.().catch(() => undefined);
    await database.close();
    log("stopped");
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));
}

function printDemoCredentials(accounts: { role: string; email: string; password: string }[]): void {
  const lines = accounts.map((a) => `    ${a.role.padEnd(10)} ${a.email.padEnd(28)} ${a.password}`);
  console.log(
    [
      "",
      "  Demo accounts (shown once, on this first start):",
      ...lines,
      "  Reader page: /live/storm-orla-live",
      "",
    ].join("\n"),
  );
}

main().catch((error: unknown) => {
  // A migration history that needs a person says what to do; its stack would only bury that.
  console.error("[liveline] failed to start:", error instanceof MigrationHistoryError ? error.message : error);
  process.exit(1);
});
