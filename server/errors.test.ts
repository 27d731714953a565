import { describe, expect, it } from "vitest";
import { AppError } from "@/common/app-error";
import { ClientAbortError, UNAVAILABLE_MESSAGE, unavailableErrorOf } from "@/server/errors";

const prismaError = (code: string, message = "", cause?: unknown) =>
  Object.assign(new Error(message), { name: "PrismaClientKnownRequestError", code, cause });

describe("unavailableErrorOf", () => {
  it.each([
    ["SQLite busy after busy_timeout (observed)", prismaError("P1008", "Operation has timed out")],
    [
      "PostgreSQL refusing connections (observed)",
      prismaError(
        "P2039",
        'Database error. Code: `55000`. Message: `database "x" is not currently accepting connections`',
      ),
    ],
    [
      "a terminated backend",
      prismaError(
        "P2039",
        "Database error. Code: `57P01`. Message: `terminating connection due to administrator command`",
      ),
    ],
    ["pool timeout", prismaError("P2024", "Timed out fetching a new connection from the connection pool")],
    ["unreachable server", prismaError("P1001", "Can't reach database server")],
    ["a write conflict", prismaError("P2034", "Transaction failed due to a write conflict or a deadlock")],
    [
      "a socket error in the cause chain",
      new Error("query failed", {
        cause: Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }),
      }),
    ],
    [
      "a driver adapter error",
      Object.assign(new Error("x"), { cause: { kind: "sqlite", extendedCode: 5, message: "database is locked" } }),
    ],
    ["pg's own message", new Error("Connection terminated unexpectedly")],
  ])("%s -> 503 UNAVAILABLE", (_, error) => {
    const mapped = unavailableErrorOf(error);
    expect(mapped?.code).toBe("UNAVAILABLE");
    expect(mapped?.status).toBe(503);
    expect(mapped?.message).toBe(UNAVAILABLE_MESSAGE);
  });

  it.each([
    ["a unique violation", prismaError("P2002", "Unique constraint failed")],
    ["a record not found", prismaError("P2025", "Record to update not found")],
    ["an app error", new AppError("CONFLICT", "changed by someone else")],
    ["a client that went away mid-body (its stream fails with ECONNRESET underneath)", new ClientAbortError()],
    ["a programming error", new TypeError("cannot read properties of undefined")],
    ["not an error", "oops"],
  ])("%s -> null", (_, error) => {
    expect(unavailableErrorOf(error)).toBeNull();
  });

  it("survives a cause cycle", () => {
    const a: { cause?: unknown } = {};
    a.cause = { cause: a };
    expect(unavailableErrorOf(a)).toBeNull();
  });
});
