import { authenticate } from "@/server/auth/authenticate";
import { listContributors } from "@/server/db/users";
import { json, route } from "@/server/http/route";
import { getRuntime } from "@/server/runtime";

export const GET = route(async (request) => {
  const { db } = getRuntime();
  return json({ contributors: await listContributors(db, await authenticate(db, request)) });
});
