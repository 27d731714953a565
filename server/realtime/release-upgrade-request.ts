// A connected reader no longer needs the HTTP request that opened its socket, yet engine.io keeps it
// twice: as `conn.request` (socket.io's memory guide drops it: `io.engine.on("connection", (raw) =>
// { raw.request = null })`) and through the "close" listener its WebSocketResponse (a stand-in response for
// upgrade middlewares, which we do not use) puts on the TCP socket. The request with its headers is over a
// kilobyte per reader for as long as the reader stays, so both go as soon as the connection is counted
// and its handshake read (create-realtime-server.ts). Removing the listener is the one step beyond the
// documented API: it is matched by its source, and only done while the fast paths are on.
import type { EngineConnection } from "./engine-internals";

type Listener = (...args: unknown[]) => void;

/** engine.io 6.6's WebSocketResponse: `socket.once("close", () => this.emit("close"))`. */
const UPGRADE_RESPONSE_CLOSE_LISTENER = '() => this.emit("close")';

/**
 * Drops the connection's request; with `listener`, also engine.io's close listener that holds it.
 * Returns false when that listener was looked for on a WebSocket upgrade and not found (engine.io changed).
 */
export function releaseUpgradeRequest(conn: EngineConnection, { listener = true } = {}): boolean {
  const request = conn.request as EngineConnection["request"] | null;
  if (!request) return true;
  (conn as { request: unknown }).request = null;
  if (!listener || conn.transport.name !== "websocket") return true;
  // Matched by its source, so another library's listener is never taken.
  const tcp = request.socket;
  let found = false;
  for (const wrapper of tcp.rawListeners("close")) {
    const close = (wrapper as { listener?: Listener }).listener;
    if (close && String(close) === UPGRADE_RESPONSE_CLOSE_LISTENER) {
      tcp.removeListener("close", close);
      found = true;
    }
  }
  return found;
}
