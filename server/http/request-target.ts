// Requests no route can serve, refused by server/index.ts before Next.js sees them: Next answers a
// method it does not know (TRACE) and a path segment that is not valid percent-encoding (/api/blogs/%ff)
// with a 500, and a NUL in a path segment reaches PostgreSQL as a query parameter it cannot store.
// Plain Node: no "server-only" marker.
import type { IncomingMessage, ServerResponse } from "node:http";
import { AppError } from "@/common/app-error";

/** Every method some route serves; anything else is refused for every path. */
const SERVED_METHODS = ["GET", "HEAD", "OPTIONS", "POST", "PUT", "PATCH", "DELETE"];

/**
 * Answers the request and returns true when it cannot be served; false lets it through. A malformed path
 * outside the API is a page that cannot exist: `notFoundPage` answers it, so a reader gets the real 404 page.
 */
export function refuseUnservable(
  req: IncomingMessage,
  res: ServerResponse,
  notFoundPage: () => Promise<void>,
): boolean {
  const method = req.method ?? "";
  const url = req.url ?? "/";
  const api = url === "/api" || url.startsWith("/api/") || url.startsWith("/api?");
  let refusal: AppError;
  if (!SERVED_METHODS.includes(method))
    refusal = new AppError("NOT_IMPLEMENTED", `${method} is not supported here; use ${SERVED_METHODS.join(", ")}`);
  else if (isMalformedPath(url))
    refusal = new AppError("BAD_REQUEST", "the path is not valid: broken percent-encoding or a control character");
  else return false;
  if (refusal.code === "BAD_REQUEST" && !api) {
    void notFoundPage();
    return true;
  }
  res.writeHead(refusal.status, {
    "content-type": api ? "application/json" : "text/plain; charset=utf-8",
    "cache-control": "no-store",
  });
  res.end(api ? JSON.stringify({ error: refusal.message, code: refusal.code }) : `${refusal.message}\n`);
  return true;
}

/** True when the path (not the query, which routes parse leniently) does not decode, or decodes to a control character. */
function isMalformedPath(url: string): boolean {
  const path = url.split(/[?#]/, 1)[0] ?? "";
  try {
    // eslint-disable-next-line no-control-regex -- control characters are what it refuses
    return /[\u0000-\u001f\u007f]/.test(decodeURIComponent(path));
  } catch {
    return true;
  }
}
