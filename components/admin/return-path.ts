// Where to go after signing in. Only paths on this site: "//evil.example" and "https://…" would leave it.
const THIS_SITE = "http://this-site.invalid";

export function safeReturnPath(next: string | null | undefined, fallback = "/admin"): string {
  if (!next || !next.startsWith("/") || next.startsWith("//")) return fallback;
  // Browsers treat "/\evil.example" like "//evil.example"; control characters can hide either.
  // eslint-disable-next-line no-control-regex -- control characters are what it refuses
  if (/[\\\u0000-\u001f\u007f]/.test(next)) return fallback;
  // Percent-encoded as a browser would send it: the path becomes a Location header, which may hold only
  // ASCII ("/admin/blogs/✓" made the sign-in page fail with a 500).
  const url = new URL(next, THIS_SITE);
  if (url.origin !== THIS_SITE) return fallback;
  return url.pathname + url.search + url.hash;
}
