import { authorize } from "@/server/auth/authenticate";
import { createEntrySchema, entryListQuerySchema } from "@/server/contracts/schemas";
import { createEntry, listEntries } from "@/server/db/entries";
import { json, readJson, readQuery, route } from "@/server/http/route";
import { getRuntime } from "@/server/runtime";

type Params = { slug: string };

export const GET = route<Params>(async (request, { params }) => {
  const { slug } = await params;
  return json(await listEntries(getRuntime().db, slug, readQuery(request, entryListQuerySchema)));
});

export const POST = route<Params>(async (request, { params }) => {
  const { slug } = await params;
  const { db, broadcast } = getRuntime();
  const actor = await authorize(db, request, "entry:create");
  const input = await readJson(request, createEntrySchema);
  const { entry, event } = await createEntry(db, actor, slug, input);
  if (event) broadcast(event);
  return json({ entry }, 201);
});
