import { authenticate } from "@/server/auth/authenticate";
import { revokeApiToken } from "@/server/db/tokens";
import { route } from "@/server/http/route";
import { getRuntime } from "@/server/runtime";

export const DELETE = route<{ id: string }>(async (request, { params }) => {
  const { id } = await params;
  const { db, apply } = getRuntime();
  apply(await revokeApiToken(db, await authenticate(db, request), id));
  return new Response(null, { status: 204 });
});
