import { authenticate, authorize } from "@/server/auth/authenticate";
import { blogListQuerySchema, createBlogSchema } from "@/common/contracts/schemas";
import { createBlog, listBlogs, listNewsroomBlogs } from "@/server/db/blogs";
import { json, readJson, readQuery, route } from "@/server/http/route";
import { getRuntime } from "@/server/runtime";

export const GET = route(async (request) => {
  const { db } = getRuntime();
  const { view } = readQuery(request, blogListQuerySchema);
  if (view === "newsroom") return json({ blogs: await listNewsroomBlogs(db, await authenticate(db, request)) });
  return json({ blogs: await getRuntime().readCache.site("blogs", () => listBlogs(db)) });
});

export const POST = route(async (request) => {
  const { db, apply } = getRuntime();
  const actor = await authorize(db, request, "blog:create");
  const input = await readJson(request, createBlogSchema);
  return json({ blog: apply(await createBlog(db, actor, input)) }, 201);
});
