import { authenticate, authorize } from "@/server/auth/authenticate";
import { createUserSchema } from "@/common/contracts/schemas";
import { createUser, listUsers } from "@/server/db/users";
import { json, readJson, route } from "@/server/http/route";
import { getRuntime } from "@/server/runtime";

export const GET = route(async (request) => {
  const { db } = getRuntime();
  return json({ users: await listUsers(db, await authenticate(db, request)) });
});

export const POST = route(async (request) => {
  const { db, apply } = getRuntime();
  const actor = await authorize(db, request, "user:manage");
  const input = await readJson(request, createUserSchema);
  return json({ user: apply(await createUser(db, actor, input)) }, 201);
});
