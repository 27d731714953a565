// A request's body, read once and kept. authenticate() waits for all of it before it checks a write's
// credential a second time (server/auth/authenticate.ts), then readJson or the upload reader parse the
// same bytes. The declared Content-Length is checked first, then the bytes as they arrive, stopping as soon
// as there are too many, so a huge (or chunked, undeclared) body is never buffered whole.
import { ClientAbortError } from "@/server/errors";

/** An uploaded image (server/uploads/uploads.ts). */
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;
/** JSON bodies: every API write but uploads. */
export const MAX_JSON_BYTES = 256 * 1024;
// multipart/form-data carries one image, with room for the boundaries and part headers around it.
const MAX_FORM_BYTES = MAX_UPLOAD_BYTES + 64 * 1024;

/** The bytes, or `tooLarge` when there were more than the cap for the request's content type. */
export type RequestBody = { bytes: Uint8Array<ArrayBuffer> } | { tooLarge: true };

const kept = new WeakMap<Request, Promise<RequestBody>>();

/** Reads the body on the first call; every later call for the same request gets the same answer. */
export function requestBody(request: Request): Promise<RequestBody> {
  let body = kept.get(request);
  if (!body) {
    const multipart = /^multipart\/form-data\b/i.test(request.headers.get("content-type") ?? "");
    body = readCapped(request, multipart ? MAX_FORM_BYTES : MAX_JSON_BYTES);
    kept.set(request, body);
  }
  return body;
}

async function readCapped(request: Request, max: number): Promise<RequestBody> {
  if (Number(request.headers.get("content-length") ?? "0") > max) return { tooLarge: true };
  if (!request.body) return { bytes: new Uint8Array() };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    // The stream fails only when the client is gone (it closed the connection or the request timeout cut it off).
    const { done, value } = await reader.read().catch(() => {
      throw new ClientAbortError();
    });
    if (done) break;
    total += value.byteLength;
    if (total > max) {
      await reader.cancel().catch(() => undefined);
      return { tooLarge: true };
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { bytes };
}
