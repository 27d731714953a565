// Winning a race on purpose, as an attacker would ("last-byte sync"): every request's headers go out at
// once while its body is held back, so the server identifies each caller and checks its role, then waits
// for the body; when `ready` says all of them got that far, every body goes out in the same tick. The
// requests then reach the code after the body read together, instead of one finishing before the next
// is even authorized.
import { openRequest, waitFor, type ApiAnswer } from "./harness";

export interface HeldRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string | Uint8Array;
}

export async function sendTogether<T = unknown>(
  requests: HeldRequest[],
  ready: () => Promise<boolean>,
): Promise<ApiAnswer<T>[]> {
  const opened = requests.map((held) => {
    const { origin, pathname, search } = new URL(held.url);
    return openRequest(origin, held.method, pathname + search, {
      ...held.headers,
      "content-length": String(Buffer.byteLength(held.body)),
    });
  });
  const answers = opened.map(({ answer }) =>
    answer.then(({ status, headers, body }): ApiAnswer<T> => ({
      status,
      body: (headers["content-type"]?.includes("json") ? JSON.parse(body) : body) as T,
      headers: new Headers(
        Object.entries(headers).flatMap(([name, value]) =>
          value === undefined ? [] : [[name, String(value)] as [string, string]],
        ),
      ),
    })),
  );
  // An answer before every body went out means the server did not wait for one: fail instead of hanging.
  const early = Promise.race(answers).then((answer) => {
    throw new Error(`answered before its body was sent: ${answer.status} ${JSON.stringify(answer.body)}`);
  });
  await Promise.race([waitFor(() => ready(), "the server to have authorized every held request"), early]);
  early.catch(() => undefined);
  for (const [i, { request }] of opened.entries()) request.end(requests[i]!.body);
  return Promise.all(answers);
}
