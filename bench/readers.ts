// Thousands of readers in one process, cheap enough that the server (not this harness) is what gets
// measured: each reader is one raw `ws` WebSocket speaking just enough of engine.io v4 / socket.io v5.
//
//   server → `0{"sid":…,"pingInterval":…}`  engine.io open        reader → `40`        socket.io connect
//   server → `40{"sid":…}`                   connected            reader → `420["blog:join",{"slug":…}]`
//   server → `430[{"seq":…}]`                join acknowledged    server → `2`  ping   reader → `3`  pong
//   server → `42["entry:published",{…"headline":"bench#<k> …"…}]`  an event: only the marker is read
//
// The raw baseline server sends the same `42[…]` text frames with no handshake ("raw" mode).
import { performance } from "node:perf_hooks";
import WebSocket from "ws";

export interface ReaderPoolOptions {
  /** ws://host:port/socket.io/?EIO=4&transport=websocket, or the raw server's ws://host:port/ */
  url: string;
  mode: "socketio" | "raw";
  slug: string;
  count: number;
  /** Handshakes in flight at once. */
  concurrency?: number;
  /** Connects from 127.0.0.2…127.0.0.(1+n) in turn, so tens of thousands of loopback sockets do not run out of ports. */
  sourceAddresses?: number;
  timeoutMs?: number;
}

export interface ReaderPool {
  /** Readers ready (raw: open; socket.io: join acknowledged). */
  ready: number;
  failed: number;
  connectMs: number;
  /** Receive time (performance.now()) of each marker k, one array per marker. */
  received: Map<number, number[]>;
  close(): Promise<void>;
}

const MARKER = Buffer.from("bench#");

export async function connectReaders(options: ReaderPoolOptions): Promise<ReaderPool> {
  const { url, mode, slug, count, concurrency = 200, sourceAddresses = 8, timeoutMs = 120_000 } = options;
  const received = new Map<number, number[]>();
  const sockets: WebSocket[] = [];
  // A string, so ws sends a text frame: engine.io reads binary frames as binary attachments.
  const join = `420${JSON.stringify(["blog:join", { slug }])}`;
  let ready = 0;
  let failed = 0;
  let next = 0;
  const start = performance.now();

  const onEvent = (data: Buffer) => {
    const at = data.indexOf(MARKER);
    if (at < 0) return;
    let k = 0;
    for (let i = at + MARKER.length; i < data.length; i++) {
      const digit = data[i]! - 48;
      if (digit < 0 || digit > 9) break;
      k = k * 10 + digit;
    }
    let times = received.get(k);
    if (!times) received.set(k, (times = []));
    times.push(performance.now());
  };

  const openOne = (index: number) =>
    new Promise<void>((resolve) => {
      const socket = new WebSocket(url, {
        perMessageDeflate: false,
        localAddress: sourceAddresses > 0 ? `127.0.0.${2 + (index % sourceAddresses)}` : undefined,
      });
      sockets.push(socket);
      let done = false;
      const settle = (ok: boolean) => {
        if (done) return;
        done = true;
        if (ok) ready++;
        else failed++;
        resolve();
      };
      socket.on("error", () => settle(false));
      socket.on("close", () => settle(false));
      if (mode === "raw") socket.on("open", () => settle(true));
      socket.on("message", (data: Buffer) => {
        const type = data[0];
        if (type === 0x34 /* 4: a socket.io packet */) {
          const kind = data[1];
          if (kind === 0x32 /* 2: event */) onEvent(data);
          else if (kind === 0x30 /* 0: connected */) socket.send(join);
          else if (kind === 0x33 /* 3: ack, of our join */) settle(!data.includes("error"));
        } else if (type === 0x32 /* 2: engine.io ping */) socket.send("3");
        else if (type === 0x30 /* 0: engine.io open */) socket.send("40");
      });
    });

  await new Promise<void>((resolve) => {
    let inFlight = 0;
    const deadline = setTimeout(resolve, timeoutMs);
    const pump = () => {
      if (ready + failed >= count) {
        clearTimeout(deadline);
        return resolve();
      }
      while (inFlight < concurrency && next < count) {
        inFlight++;
        void openOne(next++).then(() => {
          inFlight--;
          pump();
        });
      }
    };
    pump();
  });

  return {
    ready,
    failed,
    connectMs: performance.now() - start,
    received,
    async close() {
      await Promise.all(
        sockets.map(
          (socket) =>
            new Promise<void>((resolve) => {
              if (socket.readyState === WebSocket.CLOSED) return resolve();
              socket.once("close", () => resolve());
              socket.terminate();
            }),
        ),
      );
    },
  };
}
