// The security headers every response carries, decided in one place (server/index.ts sets them before
// Next.js, socket.io or the 404 renderer answer). Plain Node: no "server-only" marker.
import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { SLUG_PATTERN } from "@/common/contracts/schemas";

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

/**
 * Sets a response's security headers with a fresh script nonce, and puts the same policy on the request:
 * Next.js reads the nonce for its scripts from the request's Content-Security-Policy header, so whatever
 * a client sent under that name is replaced.
 */
export function applySecurityHeaders(
  req: IncomingMessage,
  res: ServerResponse,
  options: { https: boolean; dev: boolean; imageHosts: readonly string[] },
): void {
  const headers = securityHeaders({ path: req.url ?? "/", nonce: newScriptNonce(), ...options });
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  req.headers["content-security-policy"] = headers["Content-Security-Policy"];
  delete req.headers["content-security-policy-report-only"];
}

/** A fresh nonce for one response's scripts: 128 random bits, base64 (what CSP's nonce-source allows). */
export const newScriptNonce = (): string => randomBytes(16).toString("base64");

export interface PolicyOptions {
  embed: boolean;
  dev: boolean;
  /** The nonce Next.js puts on this response's inline and chunk scripts. */
  nonce: string;
  /** https origins entry images may come from besides our own uploads (IMAGE_HOSTS). */
  imageHosts: readonly string[];
}

export function contentSecurityPolicy({ embed, dev, nonce, imageHosts }: PolicyOptions): string {
  return [
    "default-src 'self'",
    // Next.js bootstraps with inline scripts and loads its chunks from them: only scripts carrying this
    // response's nonce run, and what they load ('strict-dynamic'), so injected markup cannot run script.
    // 'self' is for browsers without 'strict-dynamic'; development mode also evaluates code for hot reload.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    // Entry images: our uploads and the configured hosts; the composer previews pasted data:/blob: images.
    ["img-src 'self' data: blob:", ...imageHosts].join(" "),
    "font-src 'self' data:",
    // 'self' covers socket.io's WebSocket to this origin (ws: or wss:) and Next's hot reload socket.
    "connect-src 'self'",
    // The only frames entries may hold are YouTube's no-cookie player (server/content/sanitize.ts).
    "frame-src https://www.youtube-nocookie.com",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors ${embed ? "*" : "'self'"}`,
  ].join("; ");
}

export function securityHeaders(options: {
  path: string;
  https: boolean;
  dev: boolean;
  nonce: string;
  imageHosts: readonly string[];
}): Record<string, string> {
  const embed = isEmbedPath(options.path);
  return {
    "Content-Security-Policy": contentSecurityPolicy({
      embed,
      dev: options.dev,
      nonce: options.nonce,
      imageHosts: options.imageHosts,
    }),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    // Clipboard (Copy link), Web Share and fullscreen video stay allowed; nothing here asks for these.
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
    ...(embed ? {} : { "X-Frame-Options": "SAMEORIGIN" }),
    // Only over HTTPS: an HSTS header on plain HTTP is ignored, and on localhost it would be a trap.
    ...(options.https ? { "Strict-Transport-Security": "max-age=31536000; includeSubDomains" } : {}),
  };
}
