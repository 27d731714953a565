// Who is asking: a session cookie (browsers) or a bearer token (scripts). Null for anonymous readers.
import "server-only";
import { findSessionActor } from "../db/sessions";
import { findTokenActor } from "../db/tokens";
import type { Db } from "../db/types";
import { AppError } from "../errors";
import { requirePermission, type Action, type Actor } from "./permissions";
import { cookieFromHeader, SESSION_COOKIE } from "./session-cookie-name";

export { SESSION_COOKIE } from "./session-cookie-name";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export async function authenticate(db: Db, request: Request): Promise<Actor | null> {
  const authorization = request.headers.get("authorization");
  if (authorization !== null) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    const actor = match?.[1] ? await findTokenActor(db, match[1]) : null;
    // A wrong token is an error, not a silent downgrade to anonymous.
    if (!actor) throw new AppError("UNAUTHENTICATED", "the API token is invalid or revoked");
    return actor;
  }
  const secret = readCookie(request, SESSION_COOKIE);
  if (!secret) return null;
  if (!SAFE_METHODS.has(request.method)) assertSameOrigin(request);
  return findSessionActor(db, secret);
}

/**
 * The caller, checked before the body is read: strangers get 401/403, not a validation error.
 * Without an action it only requires someone signed in (ownership is checked later, with the entry).
 */
export async function authorize(db: Db, request: Request, action?: Action): Promise<Actor> {
  const actor = await authenticate(db, request);
  if (!actor) throw new AppError("UNAUTHENTICATED", "sign in or send an API token to do this");
  return action ? requirePermission(actor, action) : actor;
}

/** Cookie-authenticated writes (and logins) must come from our own pages (CSRF). */
export function assertSameOrigin(request: Request): void {
  const origin = request.headers.get("origin");
  if (origin === null) return; // not a browser cross-site request: browsers send Origin on every cross-site POST/PATCH/PUT/DELETE
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    originHost = "";
  }
  if (originHost !== host) throw new AppError("FORBIDDEN", "cross-site request refused");
}

export function readCookie(request: Request, name: string): string | null {
  return cookieFromHeader(request.headers.get("cookie"), name);
}
