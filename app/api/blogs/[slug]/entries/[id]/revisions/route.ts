import { authenticate } from "@/server/auth/authenticate";
import { listEntryRevisions } from "@/server/db/revisions";
import { json, route } from "@/server/http/route";
import { getRuntime } from "@/server/runtime";

type Params = { slug: string; id: string };

/** An entry's saved versions, newest first: the newsroom's History (never readers'). */
export const GET = route<Params>(async (request, { params }) => {
  const { slug, id } = await params;
  const { db } = getRuntime();
  return json({ revisions: await listEntryRevisions(db, await authenticate(db, request), slug, id) });
});
