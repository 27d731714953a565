import { authorize } from "@/server/auth/authenticate";
import { reviewEntrySchema } from "@/common/contracts/schemas";
import { reviewEntry } from "@/server/db/reviews";
import { json, readJson, route } from "@/server/http/route";
import { getRuntime } from "@/server/runtime";

type Params = { slug: string; id: string };

/** An editor publishes, sends back or rejects a contributor's submission. */
export const POST = route<Params>(async (request, { params }) => {
  const { slug, id } = await params;
  const { db, apply } = getRuntime();
  const actor = await authorize(db, request, "entry:review");
  const input = await readJson(request, reviewEntrySchema);
  return json(apply(await reviewEntry(db, actor, slug, id, input)));
});
