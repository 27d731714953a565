// A connected reader no longer needs the HTTP request that opened its socket, yet engine.io keeps it
// twice: as `conn.request` (socket.io's memory guide says it may be dropped) and through the "close"
// listener its WebSocketResponse (a stand-in response for upgrade middlewares, which we do not use) puts
// on the TCP socket. The request with its headers is over a kilobyte per reader for as long as the
// reader stays, so it goes as soon as the connection handler has read what it needs from the handshake.
import type { Socket } from "socket.io";

type EngineConnection = Socket["conn"];
type Listener = (...args: unknown[]) => void;

/** engine.io 6.6's WebSocketResponse: `socket.once("close", () => this.emit("close"))`. */
const UPGRADE_RESPONSE_CLOSE_LISTENER = '() => this.emit("close")';

export function releaseUpgradeRequest(conn: EngineConnection): void {
  const request = conn.request as EngineConnection["request"] | null;
  if (!request) return;
  const tcp = request.socket;
  // Matched by its source, so another library's listener is never taken; if engine.io changes it, nothing
  // is removed and release-upgrade-request.test.ts fails, asking for a look.
  for (const wrapper of tcp.rawListeners("close")) {
    const listener = (wrapper as { listener?: Listener }).listener;
    if (listener && String(listener) === UPGRADE_RESPONSE_CLOSE_LISTENER) tcp.removeListener("close", listener);
  }
  (conn as { request: unknown }).request = null;
}
