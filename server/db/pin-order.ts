// The order of a blog's pinned entries: editors' order (pinOrder, lowest first), then newest first for any
// that share a place (two pinned at the same moment, or pinned before the order existed).
import { AppError } from "@/common/app-error";
import { visibleToReaders } from "./to-dto";
import type { Db, Tx } from "./types";

export const PINNED_ORDER_BY = [
  { pinOrder: { sort: "asc", nulls: "last" } },
  { publishedAt: "desc" },
  { id: "desc" },
] as const;

/** The ids of the pinned entries readers see, in their order. */
export async function pinnedIdsOf(db: Db | Tx, blogId: string): Promise<string[]> {
  const rows = await db.entry.findMany({
    where: { blogId, ...visibleToReaders, pinned: true },
    orderBy: [...PINNED_ORDER_BY],
    select: { id: true },
  });
  return rows.map((row) => row.id);
}

/** The place a newly pinned entry takes: above every other pinned one. */
export async function topPinOrder(tx: Tx, blogId: string): Promise<number> {
  const { _min } = await tx.entry.aggregate({
    where: { blogId, pinned: true, deletedAt: null },
    _min: { pinOrder: true },
  });
  return _min.pinOrder === null ? 0 : _min.pinOrder - 1;
}

/** Refuses an order that is not exactly the pinned set (each pinned entry once, nothing else). */
export function checkPinnedSet(order: readonly string[], pinned: readonly string[]): void {
  const asked = new Set(order);
  if (asked.size !== order.length) throw new AppError("BAD_REQUEST", "order: an entry is listed twice");
  const missing = pinned.filter((id) => !asked.has(id));
  const extra = order.filter((id) => !pinned.includes(id));
  if (missing.length === 0 && extra.length === 0) return;
  const parts = [
    missing.length > 0 ? `missing pinned ${missing.join(", ")}` : "",
    extra.length > 0 ? `not pinned ${extra.join(", ")}` : "",
  ].filter(Boolean);
  throw new AppError(
    "BAD_REQUEST",
    `order: must list every pinned entry of the blog exactly once (${parts.join("; ")}); reload and try again`,
  );
}
