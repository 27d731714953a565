import { authenticate, authorize } from "@/server/auth/authenticate";
import { updateEntrySchema } from "@/common/contracts/schemas";
import { deleteEntry, getEntry, updateEntry } from "@/server/db/entries";
import { json, readJson, route } from "@/server/http/route";
import { getRuntime } from "@/server/runtime";

type Params = { slug: string; id: string };

export const GET = route<Params>(async (request, { params }) => {
  const { slug, id } = await params;
  const { db } = getRuntime();
  return json({ entry: await getEntry(db, await authenticate(db, request), slug, id) });
});

export const PATCH = route<Params>(async (request, { params }) => {
  const { slug, id } = await params;
  const { db, config, apply } = getRuntime();
  const actor = await authorize(db, request);
  const input = await readJson(request, updateEntrySchema);
  const entry = apply(await updateEntry(db, actor, slug, id, input, { imageHosts: config.imageHosts }));
  return json({ entry });
});

export const DELETE = route<Params>(async (request, { params }) => {
  const { slug, id } = await params;
  const { db, apply } = getRuntime();
  apply(await deleteEntry(db, await authenticate(db, request), slug, id));
  return new Response(null, { status: 204 });
});
