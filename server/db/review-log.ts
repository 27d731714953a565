// The review workflow's history (EntryReview): each step written in the transaction of the status change it
// records, read back as the latest step per entry. Newsroom only: no public read touches this table.
import type { ReviewAction, ReviewDTO } from "@/common/contracts/dto";
import type { Actor } from "@/common/permissions";
import type { Db, Tx } from "./types";

const reviewInclude = { actor: { select: { id: true, displayName: true } } } as const;

interface ReviewRow {
  id: string;
  entryId: string;
  action: string;
  note: string | null;
  createdAt: Date;
  actor: { id: string; displayName: string } | null;
}

function toReviewDTO(row: ReviewRow): ReviewDTO {
  return {
    id: row.id,
    entryId: row.entryId,
    // Only recordReview writes this column, always with a ReviewAction.
    action: row.action as ReviewAction,
    note: row.note,
    by: row.actor ? { id: row.actor.id, name: row.actor.displayName } : null,
    at: row.createdAt.toISOString(),
  };
}

export async function recordReview(
  tx: Tx,
  actor: Actor,
  entryId: string,
  action: ReviewAction,
  note: string | null,
): Promise<ReviewDTO> {
  const row = await tx.entryReview.create({
    data: { entryId, actorId: actor.id, action, note },
    include: reviewInclude,
  });
  return toReviewDTO(row);
}

/** The latest review step of each entry that has one. */
export async function latestReviewsOf(db: Db | Tx, entryIds: readonly string[]): Promise<Map<string, ReviewDTO>> {
  if (entryIds.length === 0) return new Map();
  const rows = await db.entryReview.findMany({
    where: { entryId: { in: [...entryIds] } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    include: reviewInclude,
  });
  const latest = new Map<string, ReviewDTO>();
  for (const row of rows) if (!latest.has(row.entryId)) latest.set(row.entryId, toReviewDTO(row));
  return latest;
}
