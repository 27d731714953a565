// Each connected socket lets go of the HTTP request that opened it: counted among the process's live
// objects with real socket.io clients, next to a server that does not release them.
import { createServer, IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { queryObjects } from "node:v8";
import { Server } from "socket.io";
import { io as connect, type Socket as ClientSocket } from "socket.io-client";
import { describe, expect, it } from "vitest";
import { releaseUpgradeRequest } from "./release-upgrade-request";

const READERS = 30;

async function withReaders(release: boolean, check: (io: Server, readers: ClientSocket[]) => Promise<void>) {
  const http = createServer();
  const io = new Server(http, { perMessageDeflate: false });
  if (release)
    io.engine.on("connection", (conn: Parameters<typeof releaseUpgradeRequest>[0]) =>
      expect(releaseUpgradeRequest(conn)).toBe(true),
    );
  io.on("connection", (socket) => {
    socket.on("echo", (text: string, ack: (text: string) => void) => ack(text));
  });
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  const readers = Array.from({ length: READERS }, () =>
    connect(url, { transports: ["websocket"], forceNew: true, reconnection: false }),
  );
  try {
    await Promise.all(
      readers.map(
        (reader) =>
          new Promise<void>((resolve, reject) => reader.once("connect", () => resolve()).once("connect_error", reject)),
      ),
    );
    await check(io, readers);
  } finally {
    readers.forEach((reader) => reader.disconnect());
    await new Promise<void>((resolve) => void io.close(() => resolve()));
  }
}

/**
 * Live IncomingMessage objects (queryObjects collects garbage first). Node marks queryObjects experimental
 * and says so on its first call; that one notice is expected here and dropped, every other warning still shows.
 */
function liveRequests(): number {
  const emitWarning = process.emitWarning;
  process.emitWarning = (warning: string | Error, ...rest: unknown[]) => {
    const text = typeof warning === "string" ? warning : warning.message;
    const type = typeof rest[0] === "string" ? rest[0] : (rest[0] as { type?: string } | undefined)?.type;
    if (type === "ExperimentalWarning" && text.startsWith("v8.queryObjects()")) return;
    (emitWarning as (...args: unknown[]) => void).call(process, warning, ...rest);
  };
  try {
    return queryObjects(IncomingMessage, { format: "count" });
  } finally {
    process.emitWarning = emitWarning;
  }
}

describe("releaseUpgradeRequest", () => {
  it("frees every connected socket's upgrade request, where engine.io alone keeps one per socket", async () => {
    await withReaders(false, () => {
      expect(liveRequests()).toBeGreaterThanOrEqual(READERS);
      return Promise.resolve();
    });
    await withReaders(true, () => {
      expect(liveRequests()).toBeLessThan(READERS / 3);
      return Promise.resolve();
    });
  });

  it("leaves the sockets working: they answer, hear broadcasts and close cleanly", async () => {
    await withReaders(true, async (io, readers) => {
      expect(await readers[0]!.emitWithAck("echo", "still here")).toBe("still here");
      const heard = Promise.all(readers.map((reader) => new Promise((resolve) => reader.once("news", resolve))));
      io.emit("news", "one for all");
      expect(await heard).toEqual(readers.map(() => "one for all"));
      const closed = new Promise((resolve) => io.sockets.sockets.values().next().value!.once("disconnect", resolve));
      readers[0]!.disconnect();
      expect(await closed).toBe("client namespace disconnect");
    });
  });
});
