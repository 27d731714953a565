import { authenticate, authorize } from "@/server/auth/authenticate";
import { createEntrySchema, entryListQuerySchema } from "@/common/contracts/schemas";
import { createEntry, listEntries } from "@/server/db/entries";
import { parseIdempotencyKey } from "@/server/db/idempotency";
import { json, readJson, readQuery, route } from "@/server/http/route";
import { getRuntime } from "@/server/runtime";

type Params = { slug: string };

export const GET = route<Params>(async (request, { params }) => {
  const { slug } = await params;
  const { db } = getRuntime();
  const query = readQuery(request, entryListQuerySchema);
  // A blog's first page is what every reader's client asks for: served from the read cache until the blog changes.
  if (query.status !== "all" && query.before === undefined && query.after === undefined) {
    const key = `entries?limit=${query.limit}&order=${query.order}&pinned=${query.pinned ?? ""}`;
    return json(await getRuntime().readCache.blog(slug, key, () => listEntries(db, slug, query, null)));
  }
  // Only the newsroom's list needs to know who asks; the readers' list stays anonymous and cheap.
  return json(await listEntries(db, slug, query, query.status === "all" ? await authenticate(db, request) : null));
});

export const POST = route<Params>(async (request, { params }) => {
  const { slug } = await params;
  const { db, config, apply } = getRuntime();
  const actor = await authorize(db, request, "entry:create");
  const idempotencyKey = parseIdempotencyKey(request.headers.get("idempotency-key"));
  const input = await readJson(request, createEntrySchema);
  const { entry, replayed } = apply(
    await createEntry(db, actor, slug, input, { idempotencyKey, imageHosts: config.imageHosts }),
  );
  // A retry of a request that already created the entry: the same answer (and nothing new was told anyone).
  return json({ entry }, 201, replayed ? { "idempotent-replayed": "true" } : {});
});
