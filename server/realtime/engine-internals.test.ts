// What Liveline reads of engine.io and ws beyond their documented API, checked against the installed
// versions with a real socket.io server and real clients: if an upgrade changes any of it, this fails
// (and the server turns its fast paths off by itself, with a warning).
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Server } from "socket.io";
import { io as connect, type Socket as ClientSocket } from "socket.io-client";
import { afterEach, describe, expect, it } from "vitest";
import { waitFor } from "../test/harness";
import {
  checkConnection,
  checkEngineModules,
  dropConnection,
  idleFrameSender,
  unsentBytesOf,
  type EngineConnection,
} from "./engine-internals";

let stop: (() => Promise<void>) | null = null;

afterEach(async () => {
  await stop?.();
  stop = null;
});

async function connected(transport: "websocket" | "polling") {
  const http = createServer();
  const io = new Server(http, { perMessageDeflate: false });
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  const client: ClientSocket = connect(`http://127.0.0.1:${(http.address() as AddressInfo).port}`, {
    transports: [transport],
    forceNew: true,
    reconnection: false,
  });
  stop = async () => {
    client.disconnect();
    await new Promise<void>((resolve) => void io.close(() => resolve()));
  };
  const [socket] = await Promise.all([
    new Promise<Parameters<Parameters<typeof io.on>[1]>[0]>((resolve) => io.once("connection", resolve)),
    new Promise<void>((resolve) => client.once("connect", () => resolve())),
  ]);
  return { io, client, conn: socket.conn as EngineConnection, socket };
}

describe("engine.io and ws internals", () => {
  it("are where the fast paths expect them in the installed modules", () => {
    expect(checkEngineModules()).toEqual([]);
  });

  it("are there on a WebSocket connection: an idle one has a frame sender and nothing unsent", async () => {
    const { conn } = await connected("websocket");
    expect(checkConnection(conn)).toEqual([]);
    expect(idleFrameSender(conn)).not.toBeNull();
    expect(unsentBytesOf(conn)).toBe(0);
  });

  it("count what waits for a long-polling client that does not poll, and drop it at once", async () => {
    const { conn, socket, client } = await connected("polling");
    expect(checkConnection(conn)).toEqual([]);
    expect(idleFrameSender(conn)).toBeNull();
    // Stop the client from polling, then send: the packets wait in engine.io's queue.
    client.io.engine.transport.pause(() => undefined);
    await waitFor(
      () => !(conn.transport as unknown as { writable: boolean }).writable,
      "the outstanding poll to be answered",
    );
    socket.emit("news", "x".repeat(10_000));
    expect(unsentBytesOf(conn)).toBeGreaterThan(10_000);
    dropConnection(conn);
    await waitFor(() => conn.readyState === "closed", "the connection to close");
  });

  it("report what is missing on a connection that does not look as expected", () => {
    const odd = {
      transport: { name: "websocket", writable: true, socket: {} },
      readyState: "open",
    } as unknown as EngineConnection;
    expect(checkConnection(odd)).toEqual([
      "engine.io Socket#writeBuffer is not an array",
      "the WebSocket transport's ws sender has no sendFrame",
    ]);
    expect(idleFrameSender(odd)).toBeNull();
  });
});
