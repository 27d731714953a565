// Which origin (scheme://host[:port]) a request was addressed to. server/index.ts decides it once per
// request and hands it to route handlers and pages under ORIGIN_HEADER, replacing whatever a client sent
// under that name, as it does the client's address. X-Forwarded-Proto and X-Forwarded-Host are believed
// only behind a trusted proxy (TRUST_PROXY > 0): otherwise any client could steer canonical links, feeds,
// the page cache and the CSRF check. socket.io's handshakes never pass server/index.ts's handler, so they
// are judged here from their own headers. Plain Node: no "server-only" marker.
import type { IncomingHttpHeaders } from "node:http";

export const ORIGIN_HEADER = "x-liveline-origin";

// A host header is untrusted input that ends up in links and XML: accept only a hostname[:port].
const HOST = /^(?:[a-z0-9-]+(?:\.[a-z0-9-]+)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

export interface RequestHead {
  headers: IncomingHttpHeaders;
  /** The connection is TLS (our own HTTPS server, not a proxy's). */
  encrypted: boolean;
}

/** "https://news.example" or "http://127.0.0.1:3000": lower case, no default port, no path. */
export function originOf({ headers, encrypted }: RequestHead, trustProxy: number): string {
  const trusted = trustProxy > 0;
  const forwardedProto = trusted ? first(headers["x-forwarded-proto"])?.toLowerCase() : undefined;
  const proto = forwardedProto === "https" || forwardedProto === "http" ? forwardedProto : encrypted ? "https" : "http";
  const host = [trusted ? first(headers["x-forwarded-host"]) : undefined, first(headers.host)].find(
    (candidate) => candidate && HOST.test(candidate),
  );
  try {
    return new URL(`${proto}://${host ?? "localhost"}`).origin;
  } catch {
    return `${proto}://localhost`; // a port past 65535
  }
}

/** The origin server/index.ts decided for this request (http://localhost outside the process, e.g. in unit tests). */
export function originFrom(headers: { get(name: string): string | null }): string {
  return headers.get(ORIGIN_HEADER) ?? "http://localhost";
}

/**
 * Whether an Origin or Referer header names this site: the request's own origin, scheme and port
 * included, or PUBLIC_URL's (what browsers see behind a TLS-terminating proxy that we do not trust).
 */
export function isOwnOrigin(url: string, requestOrigin: string, publicUrl: string | undefined): boolean {
  let origin: string;
  try {
    origin = new URL(url).origin;
  } catch {
    return false; // "null" (sandboxed frames, privacy redirects) or garbage: not us
  }
  return origin === requestOrigin || (publicUrl !== undefined && origin === new URL(publicUrl).origin);
}

/** Browsers send Origin on WebSocket and polling handshakes; it must name this site, like a cookie-authenticated write. */
export function isSameOriginHandshake(
  handshake: { headers: IncomingHttpHeaders; secure: boolean },
  { trustProxy = 0, publicUrl }: { trustProxy?: number; publicUrl?: string },
): boolean {
  const origin = handshake.headers.origin;
  if (!origin) return true;
  return isOwnOrigin(
    origin,
    originOf({ headers: handshake.headers, encrypted: handshake.secure }, trustProxy),
    publicUrl,
  );
}

function first(header: string | string[] | undefined): string | undefined {
  return (Array.isArray(header) ? header[0] : header)?.split(",")[0]?.trim() || undefined;
}
