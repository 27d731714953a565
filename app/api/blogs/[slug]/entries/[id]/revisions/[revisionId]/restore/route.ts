import { authorize } from "@/server/auth/authenticate";
import { restoreRevisionSchema } from "@/common/contracts/schemas";
import { restoreEntryRevision } from "@/server/db/restore-revision";
import { json, readJson, route } from "@/server/http/route";
import { getRuntime } from "@/server/runtime";

type Params = { slug: string; id: string; revisionId: string };

/** Saves an earlier revision again, based on the entry's current `version` (409 when it is stale, as a PATCH). */
export const POST = route<Params>(async (request, { params }) => {
  const { slug, id, revisionId } = await params;
  const { db, config, apply } = getRuntime();
  const actor = await authorize(db, request);
  const input = await readJson(request, restoreRevisionSchema);
  const change = await restoreEntryRevision(db, actor, slug, id, revisionId, input, { imageHosts: config.imageHosts });
  return json({ entry: apply(change) });
});
