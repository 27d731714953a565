// Who is asking: a session cookie (browsers) or a bearer token (scripts). Null for anonymous readers.
import "server-only";
import { findSessionActor } from "../db/sessions";
import { findTokenActor } from "../db/tokens";
import type { Db } from "../db/types";
import { AppError } from "@/common/app-error";
import { isOwnOrigin, originFrom } from "../http/origin";
import { requestBody } from "../http/request-body";
import { getRuntime } from "../runtime";
import { requirePermission, type Action, type Actor } from "@/common/permissions";
import { cookieFromHeader, SESSION_COOKIE } from "./session-cookie-name";

export { SESSION_COOKIE } from "./session-cookie-name";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export async function authenticate(db: Db, request: Request): Promise<Actor | null> {
  const actor = await identify(db, request);
  if (!actor || SAFE_METHODS.has(request.method)) return actor;
  // A write counts for who may make it once it has arrived in full, not when its headers did: a token
  // revoked or a user deactivated while the body trickles in must not still count (a revoked admin
  // created an admin that way, for as long as the request timeout let the body take). Strangers were
  // refused above, before their body was waited for; the body is kept for readJson and the upload reader.
  await requestBody(request);
  const current = await identify(db, request);
  // Writes are limited per user, whichever session or token they come with.
  if (current) getRuntime().limits.takeWrite(current.id);
  return current;
}

async function identify(db: Db, request: Request): Promise<Actor | null> {
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
 * The caller, checked before the body is parsed: strangers get 401/403, not a validation error.
 * Without an action it only requires someone signed in (ownership is checked later, with the entry).
 */
export async function authorize(db: Db, request: Request, action?: Action): Promise<Actor> {
  const actor = await authenticate(db, request);
  if (!actor) throw new AppError("UNAUTHENTICATED", "sign in or send an API token to do this");
  return action ? requirePermission(actor, action) : actor;
}

/**
 * Cookie-authenticated writes (and logins) must come from our own pages (CSRF): scheme, host and port, as
 * server/index.ts decided the request's origin, or PUBLIC_URL's. Browsers send Origin on every cross-site
 * POST/PATCH/PUT/DELETE; when it is missing (an old browser, a privacy extension) but Sec-Fetch-Site says
 * another site sent it, a Referer from our own origin is the only proof left. Requests with none of these
 * headers are not from a browser (curl, server-to-server) and pass.
 */
export function assertSameOrigin(request: Request): void {
  const ours = (url: string) => isOwnOrigin(url, originFrom(request.headers), getRuntime().config.publicUrl);
  const origin = request.headers.get("origin");
  if (origin !== null) {
    if (!ours(origin)) throw crossSite();
    return;
  }
  const site = request.headers.get("sec-fetch-site");
  if (site !== "cross-site" && site !== "same-site") return;
  const referer = request.headers.get("referer");
  if (referer === null || !ours(referer)) throw crossSite();
}

const crossSite = () => new AppError("FORBIDDEN", "cross-site request refused");

export function readCookie(request: Request, name: string): string | null {
  return cookieFromHeader(request.headers.get("cookie"), name);
}
