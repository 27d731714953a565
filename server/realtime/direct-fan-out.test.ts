// Direct fan-out with a real socket.io server and real clients: which path each delivery took, that every
// reader still gets every broadcast once and in order, and that switching it off leaves socket.io's path.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Server } from "socket.io";
import { Adapter } from "socket.io-adapter";
import { io as connect, type Socket as ClientSocket } from "socket.io-client";
import { afterEach, describe, expect, it } from "vitest";
import { waitFor } from "../test/harness";
import { directFanOutAdapter, type FanOutCounts } from "./direct-fan-out";

let stop: (() => Promise<void>) | null = null;

afterEach(async () => {
  await stop?.();
  stop = null;
});

async function startServer({ enabled = () => true }: { enabled?: () => boolean } = {}) {
  const counts: FanOutCounts = { direct: 0, queued: 0 };
  const http = createServer();
  const io = new Server(http, { perMessageDeflate: false, adapter: directFanOutAdapter(Adapter, { counts, enabled }) });
  io.on("connection", (socket) => {
    socket.on("join", async (ack: () => void) => {
      await socket.join("room");
      ack();
    });
  });
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  const clients: ClientSocket[] = [];
  stop = async () => {
    clients.forEach((client) => client.disconnect());
    await new Promise<void>((resolve) => void io.close(() => resolve()));
  };
  /** A reader in "room" that keeps every `n` it hears. */
  const reader = async (transports: ("websocket" | "polling")[]) => {
    const client = connect(url, { transports, forceNew: true, reconnection: false }) as ClientSocket & {
      heard: number[];
    };
    client.heard = [];
    client.on("n", (n: number) => client.heard.push(n));
    client.on("ask", (ack: (answer: string) => void) => ack(`answer from ${client.id}`));
    clients.push(client);
    await new Promise<void>((resolve, reject) => client.once("connect", () => resolve()).once("connect_error", reject));
    await client.emitWithAck("join");
    return client;
  };
  return { io, counts, reader };
}

const oneTo = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describe("direct fan-out", () => {
  it("writes a room broadcast straight to idle WebSocket readers and through socket.io to polling ones; all get all, in order", async () => {
    const { io, counts, reader } = await startServer();
    const websocket = await Promise.all([1, 2, 3, 4, 5].map(() => reader(["websocket"])));
    const polling = await Promise.all([1, 2].map(() => reader(["polling"])));
    for (const n of oneTo(20)) {
      io.to("room").emit("n", n);
      // Let the writes finish, so each broadcast finds the WebSocket readers idle.
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await waitFor(
      () => [...websocket, ...polling].every((client) => client.heard.length === 20),
      "every reader to hear 20 broadcasts",
    );
    for (const client of [...websocket, ...polling]) expect(client.heard).toEqual(oneTo(20));
    expect(counts).toEqual({ direct: 5 * 20, queued: 2 * 20 });
  });

  it("keeps a connection's order when socket.io has packets of its own queued there", async () => {
    const { io, counts, reader } = await startServer();
    const client = await reader(["websocket"]);
    const [socket] = await io.in("room").fetchSockets();
    const noAnswerNeeded = () => undefined;
    for (let k = 0; k < 10; k++) {
      // Packets that want an answer go through engine.io: the first is written, the second waits for it in
      // engine.io's queue; the broadcast right after must wait behind both, not overtake the second.
      socket!.emit("n", 3 * k + 1, noAnswerNeeded);
      socket!.emit("n", 3 * k + 2, noAnswerNeeded);
      io.to("room").emit("n", 3 * k + 3);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await waitFor(() => client.heard.length === 30, "30 events");
    expect(client.heard).toEqual(oneTo(30));
    expect(counts.queued).toBe(10);
  });

  it("leaves every broadcast to socket.io while switched off (a failed check of engine.io's internals), and takes over again", async () => {
    let enabled = false;
    const { io, counts, reader } = await startServer({ enabled: () => enabled });
    const clients = await Promise.all([1, 2].map(() => reader(["websocket"])));
    io.to("room").emit("n", 1);
    await waitFor(() => clients.every((client) => client.heard.length === 1), "the first broadcast");
    expect(counts).toEqual({ direct: 0, queued: 0 });
    enabled = true;
    io.to("room").emit("n", 2);
    await waitFor(() => clients.every((client) => client.heard.length === 2), "the second broadcast");
    expect(counts).toEqual({ direct: 2, queued: 0 });
    for (const client of clients) expect(client.heard).toEqual([1, 2]);
  });

  it("leaves broadcasts that want answers to socket.io", async () => {
    const { io, counts, reader } = await startServer();
    await Promise.all([1, 2, 3].map(() => reader(["websocket"])));
    const answers = await io.to("room").timeout(5000).emitWithAck("ask");
    expect(answers).toHaveLength(3);
    expect(counts).toEqual({ direct: 0, queued: 0 });
  });
});
