import "server-only";
import { SESSION_COOKIE } from "../auth/authenticate";
import type { Config } from "../config";

export function sessionCookie(secret: string, expiresAt: Date, config: Config): string {
  const secure = config.production && !config.publicUrl?.startsWith("http://") ? "; Secure" : "";
  const maxAge = Math.max(0, Math.floor((expiresAt.getTime() - Date.now()) / 1000));
  return `${SESSION_COOKIE}=${encodeURIComponent(secret)}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${maxAge}${secure}`;
}

export function clearedSessionCookie(): string {
  return `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0`;
}
