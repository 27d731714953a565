// Where to go after signing in. Only paths on this site: "//evil.example" and "https://…" would leave it.
export function safeReturnPath(next: string | null | undefined, fallback = "/admin"): string {
  if (!next || !next.startsWith("/") || next.startsWith("//")) return fallback;
  // Browsers treat "/\evil.example" like "//evil.example"; control characters can hide either.
  if (/[\\\u0000-\u001f\u007f]/.test(next)) return fallback;
  return next;
}
