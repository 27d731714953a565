import { authenticate, authorize } from "@/server/auth/authenticate";
import { createEntrySchema, entryListQuerySchema } from "@/server/contracts/schemas";
import { createEntry, listEntries } from "@/server/db/entries";
import { json, readJson, readQuery, route } from "@/server/http/route";
import { getRuntime } from "@/server/runtime";

type Params = { slug: string };

export const GET = route<Params>(async (request, { params }) => {
  const { slug } = await params;
  const { db } = getRuntime();
  const query = readQuery(request, entryListQuerySchema);
  // Only the newsroom's list needs to know who asks; the readers' list stays anonymous and cheap.
  return json(await listEntries(db, slug, query, query.status === "all" ? await authenticate(db, request) : null));
});

export const POST = route<Params>(async (request, { params }) => {
  const { slug } = await params;
  const { db, notifyEntryChange } = getRuntime();
  const actor = await authorize(db, request, "entry:create");
  const change = await createEntry(db, actor, slug, await readJson(request, createEntrySchema));
  notifyEntryChange(change);
  return json({ entry: change.entry }, 201);
});
