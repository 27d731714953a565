import { authorize } from "@/server/auth/authenticate";
import { updateUserSchema } from "@/common/contracts/schemas";
import { updateUser } from "@/server/db/users";
import { json, readJson, route } from "@/server/http/route";
import { getRuntime } from "@/server/runtime";

export const PATCH = route<{ id: string }>(async (request, { params }) => {
  const { id } = await params;
  const { db, apply } = getRuntime();
  const actor = await authorize(db, request, "user:manage");
  const input = await readJson(request, updateUserSchema);
  return json({ user: apply(await updateUser(db, actor, id, input)) });
});
