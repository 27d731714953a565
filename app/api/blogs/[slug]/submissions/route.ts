import { authenticate } from "@/server/auth/authenticate";
import { listSubmissions } from "@/server/db/reviews";
import { json, route } from "@/server/http/route";
import { getRuntime } from "@/server/runtime";

type Params = { slug: string };

/** Editors: the review queue. Contributors: their own submissions and what became of them. */
export const GET = route<Params>(async (request, { params }) => {
  const { slug } = await params;
  const { db } = getRuntime();
  return json({ submissions: await listSubmissions(db, await authenticate(db, request), slug) });
});
