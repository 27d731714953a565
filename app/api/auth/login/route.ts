import { assertSameOrigin, readCookie, SESSION_COOKIE } from "@/server/auth/authenticate";
import { loginSchema } from "@/server/contracts/schemas";
import { createSession, deleteSession } from "@/server/db/sessions";
import { toUserDTO } from "@/server/db/to-dto";
import { verifyPassword } from "@/server/db/users";
import { AppError } from "@/server/errors";
import { json, readJson, route } from "@/server/http/route";
import { sessionCookie } from "@/server/http/session-cookie";
import { addressOf, requestLimits } from "@/server/limits/request-limits";
import { getRuntime } from "@/server/runtime";

export const POST = route(async (request) => {
  const { db, config, disconnectSession } = getRuntime();
  assertSameOrigin(request);
  const throttle = requestLimits(config.limits).login;
  const address = addressOf(request);
  // Throttled before the body is read or the password checked: a locked-out guesser learns nothing.
  await throttle.assertAllowed(null, address);
  const { email, password } = await readJson(request, loginSchema);
  await throttle.assertAllowed(email, address);
  const user = await verifyPassword(db, email, password);
  if (!user) {
    await throttle.recordFailure(email, address);
    throw new AppError("UNAUTHENTICATED", "the email or password is wrong");
  }
  await throttle.recordSuccess(email);
  // A new session every sign-in; the one this browser had before (if any) ends here, so a session id
  // planted before sign-in (session fixation) or left from another user is worth nothing afterwards.
  const previous = readCookie(request, SESSION_COOKIE);
  if (previous) {
    await deleteSession(db, previous);
    disconnectSession(previous);
  }
  const session = await createSession(db, user.id, config.sessionTtlMs);
  return json({ user: toUserDTO(user) }, 200, { "set-cookie": sessionCookie(session.secret, session.expiresAt, request, config) });
});
