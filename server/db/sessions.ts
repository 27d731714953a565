// Browser sessions. The cookie holds a random secret; the database holds only its hash.
import { createHash, randomBytes } from "node:crypto";
import type { Actor } from "@/common/permissions";
import { committed, type Committed } from "../effects";
import type { Db } from "./types";

export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

export async function createSession(
  db: Db,
  userId: string,
  ttlMs: number,
): Promise<{ secret: string; expiresAt: Date }> {
  const secret = randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + ttlMs);
  await db.session.create({ data: { id: hashSecret(secret), userId, expiresAt } });
  return { secret, expiresAt };
}

/** The active user behind a session secret, or null when unknown, expired or deactivated. */
export async function findSessionActor(db: Db, secret: string): Promise<Actor | null> {
  return (await findSession(db, secret))?.actor ?? null;
}

/** A live session: who it signs in, and when it ends. */
export async function findSession(db: Db, secret: string): Promise<{ actor: Actor; expiresAt: Date } | null> {
  const session = await db.session.findUnique({ where: { id: hashSecret(secret) }, include: { user: true } });
  if (!session || session.expiresAt.getTime() <= Date.now() || !session.user.active) return null;
  return {
    actor: { id: session.user.id, role: session.user.role, name: session.user.displayName },
    expiresAt: session.expiresAt,
  };
}

/** Ends a session (sign-out, or replaced by a new sign-in): the newsroom connections opened with it end too. */
export async function deleteSession(db: Db, secret: string): Promise<Committed<void>> {
  await db.session.deleteMany({ where: { id: hashSecret(secret) } });
  return committed(undefined, [{ type: "disconnect-session", secret }]);
}
