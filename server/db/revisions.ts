// Every saved version of an entry, for the newsroom's History. A revision is written in the transaction of the
// save that made it (createEntry, updateEntry, the scheduler), so no version is ever missing or half there.
// Revisions are newsroom data: no reader read, feed, JSON-LD, embed or replay ever reads this table.
import type { RevisionDTO } from "@/common/contracts/dto";
import { requirePermission, type Actor } from "@/common/permissions";
import { AppError } from "@/common/app-error";
import type { EntryRow } from "./to-dto";
import type { Db, EntryRevision, Tx, User } from "./types";

/**
 * Autosave saves a draft every few seconds while someone types; one revision per keystroke pause would bury the
 * History. Consecutive saves of a draft (it was one and stays one) by the same person fold into their latest
 * revision while it is younger than this; a publish, another person's save or a restore always starts a new one.
 */
export const REVISION_FOLD_MINUTES = 5;

type RevisionRow = EntryRevision & { savedBy: Pick<User, "id" | "displayName"> | null };

const revisionInclude = { savedBy: { select: { id: true, displayName: true } } } as const;

function toRevisionDTO(row: RevisionRow): RevisionDTO {
  return {
    id: row.id,
    entryId: row.entryId,
    version: row.version,
    savedBy: row.savedBy ? { id: row.savedBy.id, name: row.savedBy.displayName } : null,
    headline: row.headline,
    body: row.body,
    label: row.label,
    keyEvent: row.keyEvent,
    status: row.status,
    restoredFromId: row.restoredFromId,
    createdAt: row.createdAt.toISOString(),
    savedAt: row.savedAt.toISOString(),
  };
}

/** Records the entry as this save left it (`before`: its status before the save; null for a new entry). */
export async function recordRevision(
  tx: Tx,
  row: EntryRow,
  savedById: string | null,
  {
    now,
    before,
    restoredFromId = null,
  }: { now: Date; before: EntryRow["status"] | null; restoredFromId?: string | null },
): Promise<void> {
  const content = {
    version: row.version,
    headline: row.headline,
    body: row.body,
    label: row.label,
    keyEvent: row.keyEvent,
    status: row.status,
    savedAt: now,
  };
  if (savedById && !restoredFromId && before === "DRAFT" && row.status === "DRAFT") {
    const latest = await tx.entryRevision.findFirst({
      where: { entryId: row.id },
      orderBy: [{ savedAt: "desc" }, { id: "desc" }],
      select: { id: true, savedById: true, status: true, createdAt: true, restoredFromId: true },
    });
    const foldable =
      latest &&
      latest.savedById === savedById &&
      latest.status === "DRAFT" &&
      latest.restoredFromId === null &&
      now.getTime() - latest.createdAt.getTime() < REVISION_FOLD_MINUTES * 60_000;
    if (foldable) {
      await tx.entryRevision.update({ where: { id: latest.id }, data: content });
      return;
    }
  }
  await tx.entryRevision.create({
    data: { ...content, entryId: row.id, savedById, restoredFromId, createdAt: now },
  });
}

/** Who saved the entry's current version and when, for a 409's answer (null: the system, or before revisions). */
export async function lastChangeOf(
  tx: Tx | Db,
  row: EntryRow,
): Promise<{ changedBy: { id: string; name: string } | null; changedAt: string }> {
  const latest = await tx.entryRevision.findFirst({
    where: { entryId: row.id, version: row.version },
    orderBy: [{ savedAt: "desc" }, { id: "desc" }],
    include: revisionInclude,
  });
  return {
    changedBy: latest?.savedBy ? { id: latest.savedBy.id, name: latest.savedBy.displayName } : null,
    changedAt: (latest?.savedAt ?? row.updatedAt).toISOString(),
  };
}

/** The most revisions one answer lists; an entry saved more often shows its newest ones. */
const MAX_REVISIONS = 200;

/**
 * An entry's revisions, newest first: for whoever may edit it (editors any, journalists their own). A deleted
 * entry's history stays readable to editors by its id (journalists and readers get 404), so what was said is
 * never lost to the newsroom.
 */
export async function listEntryRevisions(
  db: Db,
  actor: Actor | null,
  slug: string,
  id: string,
): Promise<RevisionDTO[]> {
  requirePermission(actor, "newsroom:read");
  const entry = await db.entry.findFirst({
    where: { id, blog: { slug } },
    select: { authorId: true, status: true, deletedAt: true },
  });
  const hidden =
    !entry ||
    (entry.deletedAt !== null && actor?.role === "JOURNALIST") ||
    // A journalist does not learn that a colleague's draft exists.
    (entry.status !== "PUBLISHED" && actor?.role === "JOURNALIST" && entry.authorId !== actor.id);
  if (hidden) throw new AppError("NOT_FOUND", `no entry with id "${id}" in this blog`);
  requirePermission(actor, "entry:history", { authorId: entry.authorId });
  const rows = await db.entryRevision.findMany({
    where: { entryId: id },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: MAX_REVISIONS,
    include: revisionInclude,
  });
  return rows.map(toRevisionDTO);
}

/** One revision of one entry of one blog, for a restore (the caller checks who may restore). */
export async function findRevision(db: Db, slug: string, entryId: string, revisionId: string): Promise<RevisionDTO> {
  const row = await db.entryRevision.findFirst({
    where: { id: revisionId, entryId, entry: { blog: { slug }, deletedAt: null } },
    include: revisionInclude,
  });
  if (!row) throw new AppError("NOT_FOUND", `no revision "${revisionId}" of entry "${entryId}" in this blog`);
  return toRevisionDTO(row);
}
