import { authenticate, authorize } from "@/server/auth/authenticate";
import { updateEntrySchema } from "@/server/contracts/schemas";
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
  const { db, broadcast } = getRuntime();
  const actor = await authorize(db, request);
  const input = await readJson(request, updateEntrySchema);
  const { entry, event } = await updateEntry(db, actor, slug, id, input);
  if (event) broadcast(event);
  return json({ entry });
});

export const DELETE = route<Params>(async (request, { params }) => {
  const { slug, id } = await params;
  const { db, broadcast } = getRuntime();
  const { event } = await deleteEntry(db, await authenticate(db, request), slug, id);
  if (event) broadcast(event);
  return new Response(null, { status: 204 });
});
