// Which entries a writer may say they have open in an editor (newsroom presence): those of the blog they
// may edit, not deleted. Presence only names ids, but a claim on anything else would mislead colleagues.
import { can, type Actor } from "@/common/permissions";
import type { Db } from "./types";

/** Of `ids`, those in blog `slug` that `actor` may edit, in the order given. */
export async function editableEntryIds(db: Db, actor: Actor, slug: string, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db.entry.findMany({
    where: { id: { in: [...ids] }, blog: { slug }, deletedAt: null },
    select: { id: true, authorId: true },
  });
  const editable = new Set(
    rows.filter((row) => can(actor, "entry:edit", { authorId: row.authorId })).map((row) => row.id),
  );
  return ids.filter((id) => editable.has(id));
}
