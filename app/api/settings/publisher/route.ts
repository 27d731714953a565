// GET /api/settings/publisher: the brand every page shows (public, like the pages). PUT: an admin saves it.
import { authorize } from "@/server/auth/authenticate";
import { publisherSettingsSchema } from "@/common/contracts/schemas";
import { updatePublisher } from "@/server/db/publisher-settings";
import { json, readJson, route } from "@/server/http/route";
import { getPublisher } from "@/server/reader/publisher";
import { getRuntime } from "@/server/runtime";

export const GET = route(async () => json({ publisher: await getPublisher() }));

export const PUT = route(async (request) => {
  const { db, apply, config } = getRuntime();
  const actor = await authorize(db, request, "publisher:edit");
  const input = await readJson(request, publisherSettingsSchema);
  return json({ publisher: apply(await updatePublisher(db, actor, input, { imageHosts: config.imageHosts })) });
});
