// API tokens for scripts and wire feeds. Shown once at creation; only the hash is kept.
import { randomBytes } from "node:crypto";
import type { CreateTokenInput } from "@/common/contracts/schemas";
import { requirePermission, type Actor } from "@/common/permissions";
import { AppError } from "@/common/app-error";
import { committed, type Committed } from "../effects";
import { hashSecret } from "./sessions";
import type { Db } from "./types";

export interface ApiTokenDTO {
  id: string;
  name: string;
  userId: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

const TOKEN_PREFIX = "ll_";

export async function createApiToken(
  db: Db,
  actor: Actor | null,
  input: CreateTokenInput,
): Promise<Committed<{ token: string; apiToken: ApiTokenDTO }>> {
  const admin = requirePermission(actor, "token:manage");
  return committed(await insertApiToken(db, input.userId ?? admin.id, input.name));
}

/** No permission check: for the CLI and tests that run as the machine's owner. */
export async function insertApiToken(
  db: Db,
  userId: string,
  name: string,
): Promise<{ token: string; apiToken: ApiTokenDTO }> {
  const owner = await db.user.findUnique({ where: { id: userId }, select: { active: true } });
  if (!owner?.active) throw new AppError("BAD_REQUEST", "userId: no active user with this id");
  const token = TOKEN_PREFIX + randomBytes(32).toString("base64url");
  const row = await db.apiToken.create({ data: { name, userId, tokenHash: hashSecret(token) } });
  return { token, apiToken: toTokenDTO(row) };
}

export async function listApiTokens(db: Db, actor: Actor | null): Promise<ApiTokenDTO[]> {
  requirePermission(actor, "token:manage");
  const rows = await db.apiToken.findMany({ orderBy: { createdAt: "desc" } });
  return rows.map(toTokenDTO);
}

export async function revokeApiToken(db: Db, actor: Actor | null, id: string): Promise<Committed<void>> {
  requirePermission(actor, "token:manage");
  const { count } = await db.apiToken.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: new Date() } });
  if (count === 0) throw new AppError("NOT_FOUND", `no active API token with id "${id}"`);
  return committed(undefined);
}

/** The active owner of a bearer token, or null when unknown, revoked or deactivated. */
export async function findTokenActor(db: Db, token: string): Promise<Actor | null> {
  if (!token.startsWith(TOKEN_PREFIX)) return null;
  const row = await db.apiToken.findUnique({ where: { tokenHash: hashSecret(token) }, include: { user: true } });
  if (!row || row.revokedAt || !row.user.active) return null;
  // Once a minute is enough to tell a live feed from a dead one, and keeps reads from writing.
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > 60_000) {
    await db.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } });
  }
  return { id: row.user.id, role: row.user.role, name: row.user.displayName };
}

function toTokenDTO(row: {
  id: string;
  name: string;
  userId: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}): ApiTokenDTO {
  return {
    id: row.id,
    name: row.name,
    userId: row.userId,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}
