// Idempotent publishing: a writer's Idempotency-Key is stored with the entry it created, in the same
// transaction, so a retried POST (a timeout, a double click, a wire feed resending) gets the first
// answer back instead of creating a second entry.
import { createHash } from "node:crypto";
import { AppError } from "@/common/app-error";
import { entrySchema, type EntryDTO } from "@/common/contracts/dto";
import { readStoredPayload, toStoredPayload, type StoredFormat } from "@/common/contracts/stored-payload";
import { entryInclude, toEntryDTO } from "./to-dto";
import type { Db, Tx } from "./types";

/** How long a key is remembered. A retry after that creates a new entry. */
export const IDEMPOTENCY_WINDOW_MS = 24 * 3600_000;

const KEY_PATTERN = /^[\x21-\x7e][\x20-\x7e]{0,198}[\x21-\x7e]$|^[\x21-\x7e]$/;

/**
 * The Idempotency-Key header: absent is fine (null); otherwise 1-200 printable ASCII characters
 * (spaces allowed inside, not at either end, where HTTP would strip them).
 */
export function parseIdempotencyKey(header: string | null): string | null {
  if (header === null) return null;
  if (!KEY_PATTERN.test(header)) {
    throw new AppError(
      "BAD_REQUEST",
      "Idempotency-Key: must be 1 to 200 printable ASCII characters (a fresh UUID per new entry works)",
    );
  }
  return header;
}

/** A stable fingerprint of a request: the same fields with the same values give the same hash, whatever their order. */
export function requestHashOf(request: unknown): string {
  return createHash("sha256").update(canonicalJson(request)).digest("hex");
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    const fields = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${fields.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

/**
 * The entry a key created, as first answered. Version 0: the bare entry (stored before versions existed);
 * version 1: { v: 1, data: entry }. A field added to EntryDTO later takes its default (see common/contracts/dto.ts).
 */
export const PUBLISH_ANSWER: StoredFormat<EntryDTO> = {
  version: 1,
  schema: entrySchema,
  upgrades: { 0: (entry) => entry },
};

export interface IdempotentRequest {
  key: string;
  requestHash: string;
}

/**
 * The entry a key already created for this actor, as first answered, or null when the key is new (or
 * older than the window). The same key with a different request is a 422: it is a client bug, and
 * guessing which of the two the writer meant would lose one of them.
 */
export async function findPublishedWithKey(
  db: Db | Tx,
  actorId: string,
  request: IdempotentRequest,
  now = new Date(),
): Promise<EntryDTO | null> {
  const row = await db.publishKey.findUnique({ where: { actorId_key: { actorId, key: request.key } } });
  if (!row || row.createdAt.getTime() <= now.getTime() - IDEMPOTENCY_WINDOW_MS) return null;
  if (row.requestHash !== request.requestHash) {
    throw new AppError(
      "UNPROCESSABLE",
      `Idempotency-Key "${request.key}" was already used for a different entry (entry ${row.entryId}); send a new key for a new entry`,
    );
  }
  const answer = readStoredPayload(PUBLISH_ANSWER, row.response);
  if (answer.ok) return answer.value;
  // The retry must still not create a second entry, so it gets the entry as it is now rather than an error.
  console.warn(
    `[liveline] the stored answer for an Idempotency-Key of user ${actorId} cannot be read (${answer.problem}); answering entry ${row.entryId} as it is now`,
  );
  const entry = await db.entry.findUnique({ where: { id: row.entryId }, include: entryInclude });
  if (!entry)
    throw new AppError("GONE", `Idempotency-Key "${request.key}" created entry ${row.entryId}, which no longer exists`);
  return toEntryDTO(entry);
}

/**
 * Records the key with the entry it created, in the entry's transaction. An expired row for the same key
 * is replaced; the actor's other expired keys are cleared on the way (an index range, so cheap). Two
 * requests racing with one key both get here; the primary key (actorId, key) lets one commit and makes
 * the other's transaction fail with a unique violation, which the caller turns into a replay.
 */
export async function rememberPublishKey(
  tx: Tx,
  actorId: string,
  request: IdempotentRequest,
  entry: EntryDTO,
  now = new Date(),
): Promise<void> {
  await tx.publishKey.deleteMany({
    where: { actorId, createdAt: { lte: new Date(now.getTime() - IDEMPOTENCY_WINDOW_MS) } },
  });
  await tx.publishKey.create({
    data: {
      actorId,
      key: request.key,
      requestHash: request.requestHash,
      entryId: entry.id,
      response: toStoredPayload(PUBLISH_ANSWER, entry),
      createdAt: now,
    },
  });
}
