import { assertSameOrigin, readCookie, SESSION_COOKIE } from "@/server/auth/authenticate";
import { deleteSession } from "@/server/db/sessions";
import { route } from "@/server/http/route";
import { clearedSessionCookie } from "@/server/http/session-cookie";
import { getRuntime } from "@/server/runtime";

export const POST = route(async (request) => {
  assertSameOrigin(request);
  const secret = readCookie(request, SESSION_COOKIE);
  if (secret) {
    const { db, apply } = getRuntime();
    apply(await deleteSession(db, secret));
  }
  return new Response(null, { status: 204, headers: { "set-cookie": clearedSessionCookie() } });
});
