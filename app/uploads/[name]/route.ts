// Uploaded images. Names are random and never reused, so a response may be cached forever.
import { route } from "@/server/http/route";
import { getRuntime } from "@/server/runtime";
import { readUpload } from "@/server/uploads/uploads";

export const GET = route<{ name: string }>(async (_request, { params }) => {
  const { name } = await params;
  const upload = await readUpload(getRuntime().config.uploadsDir, name);
  if (!upload)
    return new Response("Not found", {
      status: 404,
      headers: { "content-type": "text/plain", "x-content-type-options": "nosniff" },
    });
  return new Response(upload.bytes, {
    headers: {
      "content-type": upload.contentType,
      "content-length": String(upload.bytes.byteLength),
      "cache-control": "public, max-age=31536000, immutable",
      "x-content-type-options": "nosniff",
    },
  });
});
