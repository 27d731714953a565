import { authorize } from "@/server/auth/authenticate";
import { createBlogSchema } from "@/server/contracts/schemas";
import { createBlog, listBlogs } from "@/server/db/blogs";
import { json, readJson, route } from "@/server/http/route";
import { getRuntime } from "@/server/runtime";

export const GET = route(async () => json({ blogs: await listBlogs(getRuntime().db) }));

export const POST = route(async (request) => {
  const { db } = getRuntime();
  const actor = await authorize(db, request, "blog:create");
  const input = await readJson(request, createBlogSchema);
  return json({ blog: await createBlog(db, actor, input) }, 201);
});
