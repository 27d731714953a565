// Everything Liveline reads from engine.io and ws beyond their documented API, in one place: the direct
// fan-out (direct-fan-out.ts) writes frames to a connection's ws sender, the upgrade request is released
// from the TCP socket's listeners (release-upgrade-request.ts), and the send budget (connection-budget.ts)
// reads how much waits in engine.io's queue. engine.io and ws are pinned in package.json `overrides`; these
// checks are what tells an upgrade apart from the versions this was written against: at start for what the
// modules expose, on the first connection for what a connection holds. When a check fails, the fast paths
// are switched off with a warning and socket.io's own paths serve (slower, never wrong).
import { createRequire } from "node:module";
import type { Socket } from "socket.io";

export type EngineConnection = Socket["conn"];

/** ws's frame writer, which engine.io's own WebSocket transport calls with pre-encoded frames. */
export interface FrameSender {
  sendFrame(frame: unknown, callback?: () => void): void;
}

interface WsLike {
  bufferedAmount?: number;
  terminate?: () => void;
  _sender?: Partial<FrameSender>;
}

/** What a connection's transport is, as far as we read it. */
interface TransportLike {
  name: string;
  writable: boolean;
  socket?: WsLike;
}

const transportOf = (conn: EngineConnection) => conn.transport as unknown as TransportLike;

/** The ws socket under a WebSocket connection (null for long-polling). */
function wsOf(conn: EngineConnection): WsLike | null {
  const transport = transportOf(conn);
  return transport.name === "websocket" && transport.socket ? transport.socket : null;
}

/** Packets engine.io has queued for this connection and not yet handed to its transport. */
export function writeBufferOf(conn: EngineConnection): readonly { data?: unknown }[] | null {
  const buffer = (conn as unknown as { writeBuffer?: unknown }).writeBuffer;
  return Array.isArray(buffer) ? (buffer as { data?: unknown }[]) : null;
}

/** The ws sender of a WebSocket connection that is open and idle (nothing queued or in flight), else null. */
export function idleFrameSender(conn: EngineConnection): FrameSender | null {
  const transport = transportOf(conn);
  if (conn.readyState !== "open" || transport.name !== "websocket" || !transport.writable) return null;
  const queued = writeBufferOf(conn);
  if (queued === null || queued.length > 0) return null;
  const sender = transport.socket?._sender;
  return typeof sender?.sendFrame === "function" ? (sender as FrameSender) : null;
}

/**
 * Bytes written for this connection that have not left the process: what ws and the TCP socket still
 * buffer (ws's public `bufferedAmount`) plus what waits in engine.io's queue.
 */
export function unsentBytesOf(conn: EngineConnection): number {
  let bytes = wsOf(conn)?.bufferedAmount ?? 0;
  for (const packet of writeBufferOf(conn) ?? []) {
    const data = packet.data;
    if (typeof data === "string") bytes += data.length;
    else if (data instanceof Uint8Array) bytes += data.byteLength;
  }
  return bytes;
}

/** Ends a connection at once, dropping what waits to be sent (a WebSocket close handshake would wait behind it). */
export function dropConnection(conn: EngineConnection): void {
  const ws = wsOf(conn);
  if (typeof ws?.terminate === "function") ws.terminate();
  else conn.close(true);
}

/** What the modules expose, checked once at start: problems found, empty when the fast paths may run. */
export function checkEngineModules(): string[] {
  const problems: string[] = [];
  try {
    // The ws engine.io itself loads (it has its own copy), not whichever ws the project has.
    const engineRequire = createRequire(createRequire(import.meta.url).resolve("engine.io"));
    const ws = engineRequire("ws") as { Sender?: { prototype?: Partial<FrameSender> }; prototype?: WsLike };
    if (typeof ws.Sender?.prototype?.sendFrame !== "function") problems.push("ws Sender#sendFrame is missing");
    if (typeof ws.prototype?.terminate !== "function") problems.push("ws WebSocket#terminate is missing");
  } catch (error) {
    problems.push(`engine.io's ws could not be loaded (${String(error)})`);
  }
  return problems;
}

/** What a live connection holds, checked on the first one: problems found, empty when all is as expected. */
export function checkConnection(conn: EngineConnection): string[] {
  const problems: string[] = [];
  if (writeBufferOf(conn) === null) problems.push("engine.io Socket#writeBuffer is not an array");
  const ws = wsOf(conn);
  if (ws && typeof ws._sender?.sendFrame !== "function")
    problems.push("the WebSocket transport's ws sender has no sendFrame");
  return problems;
}
