// GET /_debug/stats, only when LIVELINE_DEBUG_STATS=1 (the integration tests and the benchmark set it):
// how many database queries this process has made, its memory, its event-loop delay and socket count.
// It answers numbers only, but it is still off by default: nothing about a production process needs it.
import type { IncomingMessage, ServerResponse } from "node:http";
import { monitorEventLoopDelay } from "node:perf_hooks";
import type { Db } from "../db/types";

export interface QueryCounter {
  /** The same client, counting every query it makes (model operations and raw SQL, in transactions too). */
  db: Db;
  count: () => number;
}

export function countQueries(db: Db): QueryCounter {
  let queries = 0;
  const counted = db.$extends({
    query: {
      $allOperations({ args, query }) {
        queries++;
        return query(args);
      },
    },
  });
  return { db: counted as unknown as Db, count: () => queries };
}

export interface DebugStatsSources {
  queries(): number;
  sockets(): number;
  cache(): object;
}

export const DEBUG_STATS_PATH = "/_debug/stats";

/** Answers GET /_debug/stats (`?reset=1` restarts the event-loop histogram, `?gc=1` collects first when node runs with --expose-gc). */
export function createDebugStats(sources: DebugStatsSources) {
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const ms = (ns: number) => Math.round(ns / 1e4) / 100;
  return {
    handles(req: IncomingMessage): boolean {
      return req.method === "GET" && (req.url === DEBUG_STATS_PATH || !!req.url?.startsWith(`${DEBUG_STATS_PATH}?`));
    },
    answer(req: IncomingMessage, res: ServerResponse): void {
      const query = new URL(req.url ?? "/", "http://x").searchParams;
      const gc = (globalThis as { gc?: () => void }).gc;
      if (query.get("gc") === "1" && gc) gc();
      const memory = process.memoryUsage();
      const body = {
        queries: sources.queries(),
        sockets: sources.sockets(),
        cache: sources.cache(),
        memory: {
          rss: memory.rss,
          heapUsed: memory.heapUsed,
          heapTotal: memory.heapTotal,
          external: memory.external,
          arrayBuffers: memory.arrayBuffers,
        },
        eventLoopDelayMs: {
          p50: ms(loop.percentile(50)),
          p99: ms(loop.percentile(99)),
          max: ms(loop.max),
          mean: ms(loop.mean),
        },
      };
      if (query.get("reset") === "1") loop.reset();
      res.writeHead(200, { "content-type": "application/json", "cache-control": "no-store" });
      res.end(JSON.stringify(body));
    },
    close: () => loop.disable(),
  };
}
