// The physical baseline: the least a Node process can do to push one text frame to N WebSockets.
// No rooms, no protocol, no database: POST /publish with the frame's text broadcasts it, encoded once;
// GET /stats answers the process's memory (after a GC when run with --expose-gc) and event-loop delay.
// Run by bench/run.ts as its own process, like the Liveline server, on a free port it prints.
import { createServer } from "node:http";
import { monitorEventLoopDelay } from "node:perf_hooks";
import WebSocket, { WebSocketServer } from "ws";

const loop = monitorEventLoopDelay({ resolution: 10 });
loop.enable();
const ms = (ns: number) => Math.round(ns / 1e4) / 100;

const http = createServer((req, res) => {
  if (req.method === "POST" && req.url === "/publish") {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const frame = Buffer.concat(chunks);
      let sent = 0;
      for (const client of wss.clients) {
        if (client.readyState !== WebSocket.OPEN) continue;
        client.send(frame, { binary: false });
        sent++;
      }
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ sent }));
    });
    return;
  }
  if (req.method === "GET" && req.url?.startsWith("/stats")) {
    const gc = (globalThis as { gc?: () => void }).gc;
    if (req.url.includes("gc=1") && gc) gc();
    const memory = process.memoryUsage();
    const body = {
      sockets: wss.clients.size,
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
    if (req.url.includes("reset=1")) loop.reset();
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify(body));
    return;
  }
  res.writeHead(404).end();
});
const wss = new WebSocketServer({ server: http, perMessageDeflate: false, clientTracking: true });

http.listen(0, "127.0.0.1", () => {
  const address = http.address();
  console.log(`raw ws listening on ${typeof address === "object" && address ? address.port : 0}`);
});
process.on("SIGTERM", () => process.exit(0));
