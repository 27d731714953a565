import { eventsQuerySchema } from "@/common/contracts/schemas";
import { replayEventsSince } from "@/server/db/events";
import { json, readQuery, route } from "@/server/http/route";
import { getRuntime } from "@/server/runtime";

type Params = { slug: string };

export const GET = route<Params>(async (request, { params }) => {
  const { slug } = await params;
  const { since, limit } = readQuery(request, eventsQuerySchema);
  return json(await replayEventsSince(getRuntime().db, slug, since, { limit }));
});
