// The wrapper every API route handler uses: known errors become JSON 4xx, anything else a logged 500.
import "server-only";
import type { ZodType } from "zod";
import { describeZodError } from "@/common/contracts/schemas";
import { MAX_JSON_BYTES, requestBody } from "./request-body";
import { AppError, isAppError } from "@/common/app-error";
import { isClientAbort, RETRY_AFTER_SECONDS, unavailableErrorOf } from "@/server/errors";
import { isTooManyRequests } from "../limits/too-many-requests";
import { limitAnonymousRead } from "./read-limit";

type Handler<P> = (request: Request, context: { params: Promise<P> }) => Promise<Response>;

export function route<P>(handler: Handler<P>): Handler<P> {
  return async (request, context) => {
    try {
      await limitAnonymousRead(request);
      return await handler(request, context);
    } catch (error) {
      if (isTooManyRequests(error)) {
        return json({ error: error.message, code: error.code }, 429, {
          "retry-after": String(error.retryAfterSeconds),
        });
      }
      if (isClientAbort(error)) {
        console.log(`[liveline] ${request.method} ${new URL(request.url).pathname}: client aborted: ${error.message}`);
        return json({ error: error.message, code: "BAD_REQUEST" }, 400);
      }
      // The database is unreachable, timed out or locked: the client may retry (server/errors.ts decides).
      const unavailable = unavailableErrorOf(error);
      if (unavailable) {
        console.error(`[liveline] ${request.method} ${new URL(request.url).pathname}: database unavailable:`, error);
        return json({ error: unavailable.message, code: unavailable.code }, 503, {
          "retry-after": String(RETRY_AFTER_SECONDS),
        });
      }
      if (isAppError(error)) return json({ error: error.message, code: error.code, ...error.details }, error.status);
      console.error(`[liveline] ${request.method} ${new URL(request.url).pathname} failed:`, error);
      return json({ error: "internal error" }, 500);
    }
  };
}

export function json(data: unknown, status = 200, headers: HeadersInit = {}): Response {
  return Response.json(data, { status, headers: { "cache-control": "no-store", ...headers } });
}

/** Reads and validates a JSON body: 415 for another type, 413 when too big, 400 naming the wrong field. */
export async function readJson<T>(request: Request, schema: ZodType<T>): Promise<T> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/json\b/i.test(type))
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", "send the body as application/json");
  const body = await requestBody(request);
  if ("tooLarge" in body) throw new AppError("PAYLOAD_TOO_LARGE", `the body must be at most ${MAX_JSON_BYTES} bytes`);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(body.bytes);
  } catch {
    throw new AppError("BAD_REQUEST", "the body is not valid UTF-8");
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new AppError("BAD_REQUEST", "the body is not valid JSON");
  }
  // PostgreSQL cannot store it in text, SQLite would: refused alike, before any field is looked at.
  if (holdsNul(value)) throw new AppError("BAD_REQUEST", "text may not contain the NUL character (\\u0000)");
  return parseWith(schema, value);
}

function holdsNul(value: unknown): boolean {
  if (typeof value === "string") return value.includes("\0");
  if (Array.isArray(value)) return value.some(holdsNul);
  if (value !== null && typeof value === "object")
    return Object.entries(value).some(([key, field]) => key.includes("\0") || holdsNul(field));
  return false;
}

/** Validates query parameters; unknown ones are rejected like unknown body fields. */
export function readQuery<T>(request: Request, schema: ZodType<T>): T {
  return parseWith(schema, Object.fromEntries(new URL(request.url).searchParams));
}

export function parseWith<T>(schema: ZodType<T>, value: unknown): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new AppError("BAD_REQUEST", describeZodError(parsed.error));
  return parsed.data;
}
