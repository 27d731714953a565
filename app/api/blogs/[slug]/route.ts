import { authorize } from "@/server/auth/authenticate";
import { updateBlogSchema } from "@/common/contracts/schemas";
import { getBlog, updateBlog } from "@/server/db/blogs";
import { json, readJson, route } from "@/server/http/route";
import { getRuntime } from "@/server/runtime";

type Params = { slug: string };

export const GET = route<Params>(async (_request, { params }) => {
  const { slug } = await params;
  const { db, readCache } = getRuntime();
  return json({ blog: await readCache.blog(slug, "blog", () => getBlog(db, slug)) });
});

export const PATCH = route<Params>(async (request, { params }) => {
  const { slug } = await params;
  const { db, apply } = getRuntime();
  const actor = await authorize(db, request, "blog:edit");
  const input = await readJson(request, updateBlogSchema);
  return json({ blog: apply(await updateBlog(db, actor, slug, input)) });
});
