// A request body read up to a limit: the declared Content-Length is checked first, then the bytes as they
// arrive, stopping as soon as there are too many, so a huge (or chunked, undeclared) body is never buffered whole.
import { ClientAbortError } from "../errors";

export async function readCappedBody(request: Request, max: number, tooLarge: () => Error): Promise<Uint8Array<ArrayBuffer>> {
  if (Number(request.headers.get("content-length") ?? "0") > max) throw tooLarge();
  if (!request.body) return new Uint8Array();
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
      throw tooLarge();
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}
