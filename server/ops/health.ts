// GET /healthz for load balancers: 200 while this node serves and its database answers, 503 once it is
// shutting down (so the balancer stops sending new connections before the sockets are closed) or when the
// database does not answer within two seconds. No Next.js, no cache: it asks the database every time.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Db } from "../db/types";

export const HEALTH_PATH = "/healthz";

export function createHealthCheck({ db, stopping }: { db: Db; stopping: () => boolean }) {
  return {
    handles: (req: IncomingMessage) => (req.method === "GET" || req.method === "HEAD") && req.url === HEALTH_PATH,
    async answer(res: ServerResponse): Promise<void> {
      let status = "ok";
      if (stopping()) status = "stopping";
      else {
        try {
          await Promise.race([
            db.$queryRawUnsafe("SELECT 1"),
            new Promise((_, reject) => setTimeout(() => reject(new Error("timeout")), 2000).unref()),
          ]);
        } catch {
          status = "database unavailable";
        }
      }
      res.writeHead(status === "ok" ? 200 : 503, { "content-type": "application/json", "cache-control": "no-store" });
      res.end(JSON.stringify({ status }));
    },
  };
}
