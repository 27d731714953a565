// The session cookie's name and how to read it from a Cookie header. No "server-only" marker here:
// the socket.io server (plain Node, outside Next's bundles) reads the same cookie.

export const SESSION_COOKIE = "liveline_session";

export function cookieFromHeader(header: string | null | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key !== name) continue;
    try {
      return decodeURIComponent(rest.join("=")) || null;
    } catch {
      return null;
    }
  }
  return null;
}
