// The one place absolute URLs start from: PUBLIC_URL when it is set, else the address the request
// came to (behind a proxy: X-Forwarded-Proto and X-Forwarded-Host, as the CSRF check reads them).

interface HeaderReader {
  get(name: string): string | null;
}

// A host header is untrusted input that ends up in links and XML: accept only a hostname[:port].
const HOST = /^(?:[a-z0-9-]+(?:\.[a-z0-9-]+)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

/** "https://news.example" (no trailing slash, no path). */
export function publicOriginOf(publicUrl: string | undefined, headers: HeaderReader): string {
  if (publicUrl) return new URL(publicUrl).origin;
  const first = (name: string) => headers.get(name)?.split(",")[0]?.trim() || undefined;
  const forwardedProto = first("x-forwarded-proto")?.toLowerCase();
  const proto = forwardedProto === "https" || forwardedProto === "http" ? forwardedProto : "http";
  const host = [first("x-forwarded-host"), first("host")].find((candidate) => candidate && HOST.test(candidate)) ?? "localhost";
  return `${proto}://${host.toLowerCase()}`;
}
