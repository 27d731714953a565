// Anonymous API reads are limited per client address (generous: a newsroom's whole audience behind one
// NAT must not notice). Reads with a valid session or token are not counted here; writes are limited per
// user in server/auth/authenticate.ts.
import "server-only";
import { authenticate, readCookie, SESSION_COOKIE } from "../auth/authenticate";
import { addressOf } from "../limits/request-limits";
import { getRuntime } from "../runtime";

const READS = new Set(["GET", "HEAD"]);

export async function limitAnonymousRead(request: Request): Promise<void> {
  if (!READS.has(request.method)) return;
  const { db, limits } = getRuntime();
  const carriesCredential = request.headers.has("authorization") || readCookie(request, SESSION_COOKIE) !== null;
  // A made-up cookie or token must not buy a way around the limit, so a credential is checked first.
  if (carriesCredential && (await authenticate(db, request).catch(() => null))) return;
  limits.takeAnonymousRead(addressOf(request));
}
