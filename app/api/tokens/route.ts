import { authenticate, authorize } from "@/server/auth/authenticate";
import { createTokenSchema } from "@/common/contracts/schemas";
import { createApiToken, listApiTokens } from "@/server/db/tokens";
import { json, readJson, route } from "@/server/http/route";
import { getRuntime } from "@/server/runtime";

export const GET = route(async (request) => {
  const { db } = getRuntime();
  return json({ tokens: await listApiTokens(db, await authenticate(db, request)) });
});

export const POST = route(async (request) => {
  const { db, apply } = getRuntime();
  const actor = await authorize(db, request, "token:manage");
  const input = await readJson(request, createTokenSchema);
  // The token itself is in this answer only; it cannot be shown again.
  return json(apply(await createApiToken(db, actor, input)), 201);
});
