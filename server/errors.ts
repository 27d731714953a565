// What the server makes of failures that are not AppErrors: a client that went away, a database that is busy.
import { AppError, isAppError } from "@/common/app-error";

/**
 * The client went away (closed its connection, or the request timeout cut it off) before its body had
 * arrived in full. Nobody is left to read an answer, and it says nothing about the database: it is logged
 * in one line and never taken for an outage.
 */
export class ClientAbortError extends Error {
  constructor() {
    super("the request was cut off before its body ended");
    this.name = "ClientAbortError";
  }
}

export function isClientAbort(error: unknown): error is ClientAbortError {
  return error instanceof Error && error.name === "ClientAbortError";
}

/** What a client is told when the database cannot take the request now; it may simply retry. */
export const UNAVAILABLE_MESSAGE = "the database is busy or unavailable; try again shortly";
/** The Retry-After (seconds) sent with a 503. */
export const RETRY_AFTER_SECONDS = 2;

// Observed: SQLite's SQLITE_BUSY after busy_timeout arrives as P1008; PostgreSQL refusing connections
// (ALLOW_CONNECTIONS false) as P2039 with SQLSTATE 55000 in the message; a dead pool connection as 57P01
// or "Connection terminated". Prisma's codes for "could not reach / timed out / gave up on a lock": P1001 can't reach the server,
// P1002 timed out, P1008 operation timed out, P1017 the server closed the connection, P2024 timed out
// waiting for a pool connection, P2034 write conflict or deadlock (retry the transaction).
const PRISMA_UNAVAILABLE = new Set(["P1001", "P1002", "P1008", "P1017", "P2024", "P2034"]);
// PostgreSQL SQLSTATEs: class 08 (connection exception), 57P01-57P03 (admin shutdown, crash shutdown,
// cannot connect now), 53300 too many connections, 55000 with "not currently accepting connections"
// (ALLOW_CONNECTIONS false), 55P03 lock not available, 40001 serialization failure, 40P01 deadlock.
const PG_UNAVAILABLE = /^(08...|57P0[123]|53300|55P03|40001|40P01)$/;
// Node socket errors and what pg, libsql and Prisma's adapters say when a connection dies or times out.
const NODE_UNAVAILABLE = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EAI_AGAIN",
]);
const MESSAGE_UNAVAILABLE =
  /SQLITE_BUSY|SQLITE_LOCKED|database is locked|database table is locked|Connection terminated|connection timeout|timeout exceeded when trying to connect|terminating connection|not currently accepting connections|too many clients|Can't reach database server|Timed out fetching a new connection|Server has closed the connection/i;

/**
 * The one place that decides whether an error means "the database cannot serve this right now" (not
 * reachable, timed out, locked, busy, the connection died), whichever provider and driver raised it.
 * Returns the 503 AppError to answer with, or null for any other error. It walks `cause` chains,
 * because Prisma's driver adapters wrap the driver's error.
 */
export function unavailableErrorOf(error: unknown): AppError | null {
  if (isAppError(error)) return error.code === "UNAVAILABLE" ? error : null;
  const seen = new Set<unknown>();
  for (let current: unknown = error; current && typeof current === "object" && !seen.has(current);) {
    seen.add(current);
    if (isUnavailableCause(current as Record<string, unknown>)) return new AppError("UNAVAILABLE", UNAVAILABLE_MESSAGE);
    current = (current as { cause?: unknown }).cause ?? (current as { originalError?: unknown }).originalError;
  }
  return null;
}

function isUnavailableCause(error: Record<string, unknown>): boolean {
  const code = typeof error.code === "string" ? error.code : "";
  if (PRISMA_UNAVAILABLE.has(code) || NODE_UNAVAILABLE.has(code) || PG_UNAVAILABLE.test(code)) return true;
  // Prisma's driver-adapter errors: { kind: "postgres", code } / { kind: "sqlite", extendedCode }, and mapped kinds.
  const kind = typeof error.kind === "string" ? error.kind : "";
  if (kind === "postgres" && typeof error.originalCode === "string" && PG_UNAVAILABLE.test(error.originalCode))
    return true;
  if (kind === "sqlite" && typeof error.extendedCode === "number" && [5, 6].includes(error.extendedCode & 0xff))
    return true;
  if (
    [
      "SocketTimeout",
      "DatabaseNotReachable",
      "ConnectionClosed",
      "TransactionWriteConflict",
      "TooManyConnections",
    ].includes(kind)
  ) {
    return true;
  }
  if (typeof error.message === "string") {
    if (MESSAGE_UNAVAILABLE.test(error.message)) return true;
    // Prisma reports PostgreSQL errors it has no code of its own for as P2039 "Database error. Code: `57P01`…".
    const sqlstate = /Code: `([0-9A-Z]{5})`/.exec(error.message)?.[1];
    if (sqlstate && PG_UNAVAILABLE.test(sqlstate)) return true;
  }
  return false;
}
