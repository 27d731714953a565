// What one client address may hold on this node: open connections, and bytes waiting to be sent to them.
//
// Every engine.io connection counts from its handshake, whether or not it ever opens a namespace, so
// neither half-open connections nor reconnecting ones slip past the cap. A connection whose reader stops
// reading (a stalled phone, or someone who means harm) keeps whatever is written to it in this process's
// memory; past its budget it is dropped, and its reader comes back and catches up by seq. The same holds
// for all connections of one address together, so a thousand slow sockets cannot hold what one may not.
import type { IncomingMessage } from "node:http";
import { dropConnection, unsentBytesOf, type EngineConnection } from "./engine-internals";

export interface ConnectionBudgetOptions {
  /** Open connections per address (0: no cap). */
  maxConnectionsPerAddress: number;
  /** Unsent bytes one connection may hold (0: no cap). */
  maxUnsentBytes: number;
  /** Unsent bytes all connections of one address may hold together (0: no cap). */
  maxUnsentBytesPerAddress: number;
  /** The client's address for a handshake request (X-Forwarded-For only behind trusted proxies). */
  addressOf(request: IncomingMessage): string;
  /** How often every connection's unsent bytes are checked. */
  sweepMs?: number;
  log?: (message: string) => void;
}

export interface ConnectionBudget {
  /** engine.io's `allowRequest`: a new connection from an address that holds its share already is refused. */
  allowRequest: (
    request: IncomingMessage,
    callback: (error: string | null | undefined, success: boolean) => void,
  ) => void;
  /** Counts a new engine.io connection (closing it when a race took it past the cap); false when closed. */
  admit(conn: EngineConnection, request: IncomingMessage): boolean;
  /** The address a counted connection came from. */
  addressOf(conn: EngineConnection): string | undefined;
  /** Drops the connection when it, or its address, holds more unsent bytes than allowed; true when dropped. */
  dropIfOverBudget(conn: EngineConnection): boolean;
  /** Checks every connection now (the sweep does it every `sweepMs`). */
  sweep(): void;
  /** Connections dropped for unsent bytes so far. */
  readonly dropped: number;
  close(): void;
}

export const TOO_MANY_CONNECTIONS = "too many connections from your address";

export function createConnectionBudget(options: ConnectionBudgetOptions): ConnectionBudget {
  const { maxConnectionsPerAddress, maxUnsentBytes, maxUnsentBytesPerAddress, sweepMs = 1_000, log } = options;
  const byAddress = new Map<string, Set<EngineConnection>>();
  const addresses = new WeakMap<EngineConnection, string>();
  let dropped = 0;

  const drop = (conn: EngineConnection, why: string) => {
    dropped += 1;
    log?.(`dropping a connection from ${addresses.get(conn)}: ${why}`);
    dropConnection(conn);
  };

  /** Drops what is over budget among one address's connections; true when `target` was dropped. */
  const enforce = (address: string, target?: EngineConnection): boolean => {
    const connections = byAddress.get(address);
    if (!connections || (maxUnsentBytes <= 0 && maxUnsentBytesPerAddress <= 0)) return false;
    let total = 0;
    const held: [EngineConnection, number][] = [];
    let targetDropped = false;
    for (const conn of connections) {
      const bytes = unsentBytesOf(conn);
      if (bytes === 0) continue;
      if (maxUnsentBytes > 0 && bytes > maxUnsentBytes) {
        drop(conn, `${bytes} bytes unsent (the cap is ${maxUnsentBytes})`);
        targetDropped ||= conn === target;
        continue;
      }
      total += bytes;
      held.push([conn, bytes]);
    }
    if (maxUnsentBytesPerAddress > 0 && total > maxUnsentBytesPerAddress) {
      // The ones holding most go first, until the address is within its budget.
      held.sort((a, b) => b[1] - a[1]);
      for (const [conn, bytes] of held) {
        if (total <= maxUnsentBytesPerAddress) break;
        drop(conn, `its address holds ${total} bytes unsent (the cap is ${maxUnsentBytesPerAddress})`);
        targetDropped ||= conn === target;
        total -= bytes;
      }
    }
    return targetDropped;
  };

  const sweep = () => {
    for (const address of byAddress.keys()) enforce(address);
  };
  const timer = setInterval(sweep, sweepMs);
  timer.unref();

  const openFrom = (address: string) => byAddress.get(address)?.size ?? 0;

  return {
    allowRequest(request, callback) {
      const full = maxConnectionsPerAddress > 0 && openFrom(options.addressOf(request)) >= maxConnectionsPerAddress;
      callback(full ? TOO_MANY_CONNECTIONS : null, !full);
    },
    admit(conn, request) {
      const address = options.addressOf(request);
      // allowRequest checked before the handshake finished; handshakes racing each other are settled here.
      if (maxConnectionsPerAddress > 0 && openFrom(address) >= maxConnectionsPerAddress) {
        conn.close();
        return false;
      }
      let connections = byAddress.get(address);
      if (!connections) byAddress.set(address, (connections = new Set()));
      connections.add(conn);
      addresses.set(conn, address);
      conn.once("close", () => {
        connections.delete(conn);
        if (connections.size === 0 && byAddress.get(address) === connections) byAddress.delete(address);
      });
      return true;
    },
    addressOf: (conn) => addresses.get(conn),
    dropIfOverBudget(conn) {
      const address = addresses.get(conn);
      return address === undefined ? false : enforce(address, conn);
    },
    sweep,
    get dropped() {
      return dropped;
    },
    close() {
      clearInterval(timer);
    },
  };
}
