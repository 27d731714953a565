import { authenticate } from "@/server/auth/authenticate";
import { AppError } from "@/server/errors";
import { json, route } from "@/server/http/route";
import { getRuntime } from "@/server/runtime";

export const GET = route(async (request) => {
  const actor = await authenticate(getRuntime().db, request);
  if (!actor) throw new AppError("UNAUTHENTICATED", "not signed in");
  return json({ user: actor });
});
