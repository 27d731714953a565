// The admin panel's one way to call the JSON API from the browser: same-origin, cookie session, typed errors.
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** Everything else the error answer carried (e.g. `current` on a 409 conflict). */
    readonly details: Record<string, unknown>,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

/** What to tell a person when a request failed: the server's own message for a 4xx (it says what to fix), the fallback otherwise. */
export function messageOf(caught: unknown, fallback: string): string {
  return caught instanceof ApiError && caught.status < 500 ? caught.message : fallback;
}

export async function apiRequest<T>(method: string, path: string, body?: unknown, init: RequestInit = {}): Promise<T> {
  const isForm = typeof FormData !== "undefined" && body instanceof FormData;
  const response = await fetch(path, {
    ...init,
    method,
    credentials: "same-origin",
    headers: { ...(body === undefined || isForm ? {} : { "content-type": "application/json" }), ...init.headers },
    body: body === undefined ? undefined : isForm ? body : JSON.stringify(body),
  });
  if (response.status === 204) return undefined as T;
  const data = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (!response.ok) {
    const message = typeof data.error === "string" ? data.error : `request failed (${response.status})`;
    throw new ApiError(response.status, message, data);
  }
  return data as T;
}
