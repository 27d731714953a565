import { authenticate } from "@/server/auth/authenticate";
import { getUser } from "@/server/db/users";
import { AppError } from "@/common/app-error";
import { json, route } from "@/server/http/route";
import { getRuntime } from "@/server/runtime";

export const GET = route(async (request) => {
  const { db } = getRuntime();
  const actor = await authenticate(db, request);
  if (!actor) throw new AppError("UNAUTHENTICATED", "not signed in");
  return json({ user: await getUser(db, actor.id) });
});
