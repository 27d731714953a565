// The security headers every response carries, decided in one place (server/index.ts sets them before
// Next.js, socket.io or the 404 renderer answer). Plain Node: no "server-only" marker.
import { SLUG_PATTERN } from "../contracts/schemas";

/**
 * Embeds exist to be framed by other sites; everything else only by our own pages. Only the embed page
 * itself counts, spelled the one way it is linked: "/embed/{slug}", a valid slug, an optional query. A path
 * that merely starts with /embed/ can lead elsewhere once it is normalized: "/embed/.%2e/admin/login" is
 * the sign-in page, and encoded slashes, backslashes, doubled slashes or other letter case are other
 * spellings no embed snippet uses.
 */
export function isEmbedPath(target: string): boolean {
  const [path = ""] = target.split("?", 1);
  const slug = /^\/embed\/([^/]+)\/?$/.exec(path)?.[1];
  return slug !== undefined && SLUG_PATTERN.test(slug);
}

export function contentSecurityPolicy(options: { embed: boolean; dev: boolean }): string {
  return [
    "default-src 'self'",
    // Next.js App Router bootstraps with inline scripts (no nonce without dynamic rendering everywhere);
    // development mode also evaluates code for hot reload.
    `script-src 'self' 'unsafe-inline'${options.dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    // Entry images may come from any https site (and the composer previews pasted data:/blob: images).
    "img-src 'self' https: data: blob:",
    "font-src 'self' data:",
    "connect-src 'self' ws: wss:",
    // The only frames entries may hold are YouTube's no-cookie player (server/content/sanitize.ts).
    "frame-src https://www.youtube-nocookie.com",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors ${options.embed ? "*" : "'self'"}`,
  ].join("; ");
}

export function securityHeaders(options: { path: string; https: boolean; dev: boolean }): Record<string, string> {
  const embed = isEmbedPath(options.path);
  return {
    "Content-Security-Policy": contentSecurityPolicy({ embed, dev: options.dev }),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    // Clipboard (Copy link), Web Share and fullscreen video stay allowed; nothing here asks for these.
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
    ...(embed ? {} : { "X-Frame-Options": "SAMEORIGIN" }),
    // Only over HTTPS: an HSTS header on plain HTTP is ignored, and on localhost it would be a trap.
    ...(options.https ? { "Strict-Transport-Security": "max-age=31536000; includeSubDomains" } : {}),
  };
}
