import { authorize } from "@/server/auth/authenticate";
import { updateUserSchema } from "@/common/contracts/schemas";
import { updateUser } from "@/server/db/users";
import { json, readJson, route } from "@/server/http/route";
import { getRuntime } from "@/server/runtime";

export const PATCH = route<{ id: string }>(async (request, { params }) => {
  const { id } = await params;
  const { db, disconnectUser, readCache } = getRuntime();
  const actor = await authorize(db, request, "user:manage");
  const user = await updateUser(db, actor, id, await readJson(request, updateUserSchema));
  if (!user.active) disconnectUser(user.id);
  // An author's name shows on every blog they wrote in: cached reader pages are read again.
  readCache.everythingChanged();
  return json({ user });
});
