// Uploads as the database knows them: who stored which file and how big it is, for the upload quota.
import { requirePermission, type Actor } from "@/common/permissions";
import { AppError } from "@/common/app-error";
import { TooManyRequestsError, waitPhrase } from "../limits/too-many-requests";
import type { Db, Tx } from "./types";

const DAY_MS = 24 * 3600_000;

export interface NewUpload {
  /** The file's name under UPLOADS_DIR. */
  name: string;
  bytes: number;
}

/**
 * Records an upload before its file is written, or refuses it when it would take the uploader past
 * `quotaBytes` in the last 24 hours (0: no quota): 429 with Retry-After (when enough of their earlier
 * uploads have aged out), or 413 for an image bigger than the whole quota. The uploader's row is locked
 * first, so two parallel uploads by one user take turns and each counts what the other recorded;
 * without it both would sum the same earlier uploads under PostgreSQL's READ COMMITTED and both fit.
 */
export async function recordUpload(
  db: Db,
  actor: Actor | null,
  upload: NewUpload,
  quotaBytes: number,
  now = new Date(),
): Promise<void> {
  const uploader = requirePermission(actor, "upload:create");
  if (quotaBytes > 0 && upload.bytes > quotaBytes) {
    throw new AppError(
      "PAYLOAD_TOO_LARGE",
      `file: this image (${sizeOf(upload.bytes)}) is bigger than the upload quota of ${sizeOf(quotaBytes)} a day`,
    );
  }
  await db.$transaction(async (tx) => {
    if (quotaBytes > 0) {
      await lockUser(tx, uploader.id);
      const since = new Date(now.getTime() - DAY_MS);
      const used =
        (await tx.upload.aggregate({ where: { userId: uploader.id, createdAt: { gt: since } }, _sum: { bytes: true } }))
          ._sum.bytes ?? 0;
      if (used + upload.bytes > quotaBytes) {
        const seconds = await secondsUntilItFits(tx, uploader.id, since, used + upload.bytes - quotaBytes, now);
        throw new TooManyRequestsError(
          `upload quota reached: you have uploaded ${sizeOf(used)} in the last 24 hours, and this image (${sizeOf(upload.bytes)}) ` +
            `would take you past the ${sizeOf(quotaBytes)} a day each person may upload; try again in ${waitPhrase(seconds)}`,
          seconds,
        );
      }
    }
    await tx.upload.create({ data: { name: upload.name, userId: uploader.id, bytes: upload.bytes, createdAt: now } });
  });
}

/** Takes back the record of an upload whose file could not be written (no permission check: the process's own cleanup). */
export async function forgetUpload(db: Db, name: string): Promise<void> {
  await db.upload.deleteMany({ where: { name } });
}

/** A no-op UPDATE: a row lock in PostgreSQL, and the write lock as the transaction's first statement in SQLite. */
async function lockUser(tx: Tx, userId: string): Promise<void> {
  await tx.$executeRaw`UPDATE "User" SET "active" = "active" WHERE "id" = ${userId}`;
}

/** How long until uploads made since `since` and adding up to `excess` bytes have aged out of the 24 hours. */
async function secondsUntilItFits(tx: Tx, userId: string, since: Date, excess: number, now: Date): Promise<number> {
  const recent = await tx.upload.findMany({
    where: { userId, createdAt: { gt: since } },
    orderBy: { createdAt: "asc" },
    select: { bytes: true, createdAt: true },
  });
  let freed = 0;
  for (const { bytes, createdAt } of recent) {
    freed += bytes;
    if (freed >= excess) return Math.max(1, Math.ceil((createdAt.getTime() + DAY_MS - now.getTime()) / 1000));
  }
  return Math.ceil(DAY_MS / 1000);
}

/** "3.2 MB", "40 KB": for messages people read. */
function sizeOf(bytes: number): string {
  const mb = bytes / 1024 / 1024;
  return mb >= 1 ? `${Number(mb.toFixed(1))} MB` : `${Math.ceil(bytes / 1024)} KB`;
}
