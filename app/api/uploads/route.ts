import { authorize } from "@/server/auth/authenticate";
import { json, route } from "@/server/http/route";
import { getRuntime } from "@/server/runtime";
import { readUploadedFile, storeUpload } from "@/server/uploads/uploads";

export const POST = route(async (request) => {
  const { db, config, apply } = getRuntime();
  const actor = await authorize(db, request, "upload:create");
  const settings = { dir: config.uploadsDir, quotaBytes: config.uploadQuotaBytesPerDay };
  return json(apply(await storeUpload(db, actor, settings, await readUploadedFile(request))), 201);
});
