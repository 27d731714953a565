import { authorize } from "@/server/auth/authenticate";
import { pinOrderSchema } from "@/common/contracts/schemas";
import { reorderPinnedEntries } from "@/server/db/entries";
import { json, readJson, route } from "@/server/http/route";
import { getRuntime } from "@/server/runtime";

type Params = { slug: string };

/** Puts the blog's pinned entries in a new order: `{ order: [id, …] }`, every pinned entry once, first on top. */
export const PUT = route<Params>(async (request, { params }) => {
  const { slug } = await params;
  const { db, apply } = getRuntime();
  const actor = await authorize(db, request, "entry:pin");
  const { order } = await readJson(request, pinOrderSchema);
  return json({ pinned: apply(await reorderPinnedEntries(db, actor, slug, order)) });
});
