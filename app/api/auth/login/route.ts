import { assertSameOrigin, readCookie, SESSION_COOKIE } from "@/server/auth/authenticate";
import { signIn } from "@/server/auth/sign-in";
import { loginSchema } from "@/common/contracts/schemas";
import { json, readJson, route } from "@/server/http/route";
import { sessionCookie } from "@/server/http/session-cookie";
import { addressOf } from "@/server/limits/request-limits";
import { getRuntime } from "@/server/runtime";

export const POST = route(async (request) => {
  const { db, config, limits, apply } = getRuntime();
  assertSameOrigin(request);
  const { user, session } = apply(
    await signIn(db, limits.login, {
      address: addressOf(request),
      readCredentials: () => readJson(request, loginSchema),
      previousSession: readCookie(request, SESSION_COOKIE),
      sessionTtlMs: config.sessionTtlMs,
    }),
  );
  return json({ user }, 200, { "set-cookie": sessionCookie(session.secret, session.expiresAt, request, config) });
});
