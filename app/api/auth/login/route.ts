import { assertSameOrigin, readCookie, SESSION_COOKIE } from "@/server/auth/authenticate";
import { signIn } from "@/server/auth/sign-in";
import { loginSchema } from "@/common/contracts/schemas";
import { createSession, deleteSession } from "@/server/db/sessions";
import { toUserDTO } from "@/server/db/to-dto";
import { json, readJson, route } from "@/server/http/route";
import { sessionCookie } from "@/server/http/session-cookie";
import { addressOf } from "@/server/limits/request-limits";
import { getRuntime } from "@/server/runtime";

export const POST = route(async (request) => {
  const { db, config, limits, apply } = getRuntime();
  assertSameOrigin(request);
  const user = await signIn(db, limits.login, addressOf(request), () => readJson(request, loginSchema));
  // A new session every sign-in; the one this browser had before (if any) ends here, so a session id
  // planted before sign-in (session fixation) or left from another user is worth nothing afterwards.
  const previous = readCookie(request, SESSION_COOKIE);
  if (previous) apply(await deleteSession(db, previous));
  const session = await createSession(db, user.id, config.sessionTtlMs);
  return json({ user: toUserDTO(user) }, 200, {
    "set-cookie": sessionCookie(session.secret, session.expiresAt, request, config),
  });
});
