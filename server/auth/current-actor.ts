// Who is signed in, for server components and pages (route handlers use authenticate.ts instead).
import "server-only";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import type { Role } from "@/common/contracts/dto";
import { findSessionActor } from "../db/sessions";
import { getRuntime } from "../runtime";
import { SESSION_COOKIE } from "./authenticate";
import type { Actor } from "@/common/permissions";

export async function currentActor(): Promise<Actor | null> {
  const secret = (await cookies()).get(SESSION_COOKIE)?.value;
  return secret ? findSessionActor(getRuntime().db, secret) : null;
}

/**
 * For admin pages: the signed-in user, or a redirect to the sign-in page (coming back here after).
 * With roles, someone signed in without one of them is sent to the dashboard instead.
 */
export async function requirePageActor(returnTo: string, roles?: Role[]): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) redirect(`/admin/login?next=${encodeURIComponent(returnTo)}`);
  if (roles && !roles.includes(actor.role)) redirect("/admin?denied=1");
  return actor;
}
