import { authorize } from "@/server/auth/authenticate";
import { createCorrectionSchema } from "@/common/contracts/schemas";
import { addEntryCorrection } from "@/server/db/corrections";
import { json, readJson, route } from "@/server/http/route";
import { getRuntime } from "@/server/runtime";

type Params = { slug: string; id: string };

/** Attaches a public correction note to a published entry (editors and admins). */
export const POST = route<Params>(async (request, { params }) => {
  const { slug, id } = await params;
  const { db, apply } = getRuntime();
  const actor = await authorize(db, request, "entry:correct");
  const input = await readJson(request, createCorrectionSchema);
  return json({ entry: apply(await addEntryCorrection(db, actor, slug, id, input)) }, 201);
});
