import { authorize } from "@/server/auth/authenticate";
import { createLabelSchema } from "@/common/contracts/schemas";
import { createBlogLabel, listBlogLabels } from "@/server/db/labels";
import { json, readJson, route } from "@/server/http/route";
import { getRuntime } from "@/server/runtime";

type Params = { slug: string };

/** The blog's labels, in the picker's order. Public (readers see them on entries), cached until the blog changes. */
export const GET = route<Params>(async (_request, { params }) => {
  const { slug } = await params;
  const { db, readCache } = getRuntime();
  return json({ labels: await readCache.blog(slug, "labels", () => listBlogLabels(db, slug)) });
});

/** Adds a label at the end of the list (editors). */
export const POST = route<Params>(async (request, { params }) => {
  const { slug } = await params;
  const { db, apply } = getRuntime();
  const actor = await authorize(db, request, "blog:edit");
  const input = await readJson(request, createLabelSchema);
  return json({ label: apply(await createBlogLabel(db, actor, slug, input)) }, 201);
});
