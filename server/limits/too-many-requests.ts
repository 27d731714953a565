// The one error a limit throws; the route wrapper answers it with 429, Retry-After and { error, code }.

export class TooManyRequestsError extends Error {
  readonly code = "TOO_MANY_REQUESTS";
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message);
    this.name = "TooManyRequestsError";
  }
}

export function isTooManyRequests(error: unknown): error is TooManyRequestsError {
  return error instanceof Error && error.name === "TooManyRequestsError" && "retryAfterSeconds" in error;
}

/** "3 hours", "2 minutes", "40 seconds": for messages people read. */
export function waitPhrase(seconds: number): string {
  if (seconds >= 90 * 60) return `${Math.ceil(seconds / 3600)} hours`;
  if (seconds >= 90) return `${Math.ceil(seconds / 60)} minutes`;
  return seconds === 1 ? "1 second" : `${seconds} seconds`;
}
