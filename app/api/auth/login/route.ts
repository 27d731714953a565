import { assertSameOrigin } from "@/server/auth/authenticate";
import { loginSchema } from "@/server/contracts/schemas";
import { createSession } from "@/server/db/sessions";
import { toUserDTO } from "@/server/db/to-dto";
import { verifyPassword } from "@/server/db/users";
import { AppError } from "@/server/errors";
import { json, readJson, route } from "@/server/http/route";
import { sessionCookie } from "@/server/http/session-cookie";
import { getRuntime } from "@/server/runtime";

export const POST = route(async (request) => {
  const { db, config } = getRuntime();
  assertSameOrigin(request);
  const { email, password } = await readJson(request, loginSchema);
  const user = await verifyPassword(db, email, password);
  if (!user) throw new AppError("UNAUTHENTICATED", "the email or password is wrong");
  const session = await createSession(db, user.id, config.sessionTtlMs);
  return json({ user: toUserDTO(user) }, 200, { "set-cookie": sessionCookie(session.secret, session.expiresAt, request, config) });
});
