import { authorize } from "@/server/auth/authenticate";
import { updateLabelSchema } from "@/common/contracts/schemas";
import { deleteBlogLabel, updateBlogLabel } from "@/server/db/labels";
import { json, readJson, route } from "@/server/http/route";
import { getRuntime } from "@/server/runtime";

type Params = { slug: string; id: string };

/** Renames (entries carrying the label follow) or recolours a label (editors). */
export const PATCH = route<Params>(async (request, { params }) => {
  const { slug, id } = await params;
  const { db, apply } = getRuntime();
  const actor = await authorize(db, request, "blog:edit");
  const input = await readJson(request, updateLabelSchema);
  return json({ label: apply(await updateBlogLabel(db, actor, slug, id, input)) });
});

/** Takes a label off the list; entries carrying it keep its name, without a colour (editors). */
export const DELETE = route<Params>(async (request, { params }) => {
  const { slug, id } = await params;
  const { db, apply } = getRuntime();
  apply(await deleteBlogLabel(db, await authorize(db, request, "blog:edit"), slug, id));
  return new Response(null, { status: 204 });
});
