import "server-only";
import { SESSION_COOKIE } from "../auth/authenticate";
import type { Config } from "../config";
import { originFrom } from "./origin";

/** Secure whenever the browser reached us over HTTPS, directly or through a trusted proxy, or the public URL says so. */
function isHttps(request: Request, config: Config): boolean {
  return originFrom(request.headers).startsWith("https:") || !!config.publicUrl?.startsWith("https://");
}

export function sessionCookie(secret: string, expiresAt: Date, request: Request, config: Config): string {
  const secure = isHttps(request, config) ? "; Secure" : "";
  const maxAge = Math.max(0, Math.floor((expiresAt.getTime() - Date.now()) / 1000));
  return `${SESSION_COOKIE}=${encodeURIComponent(secret)}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${maxAge}${secure}`;
}

export function clearedSessionCookie(): string {
  return `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0`;
}
