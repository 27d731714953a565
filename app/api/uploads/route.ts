import { authorize } from "@/server/auth/authenticate";
import { json, route } from "@/server/http/route";
import { getRuntime } from "@/server/runtime";
import { readUploadedFile, storeUpload } from "@/server/uploads/uploads";

export const POST = route(async (request) => {
  const { db, config } = getRuntime();
  await authorize(db, request, "upload:create");
  return json(await storeUpload(config.uploadsDir, await readUploadedFile(request)), 201);
});
