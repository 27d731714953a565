// Public correction notes: an editor's "Correction: an earlier version said 7 000; it was 9 000" on a published
// entry. Readers get it with the entry (EntryDTO.corrections), live through the entry's own entry:updated event,
// so a replay carries it too; the note's author is kept for the newsroom (the audit log) and not published.
import type { EntryDTO } from "@/common/contracts/dto";
import type { CreateCorrectionInput } from "@/common/contracts/schemas";
import { requirePermission, type Actor } from "@/common/permissions";
import { AppError } from "@/common/app-error";
import { changedBy, committed, entrySaved, type Committed } from "../effects";
import { describeEntry, recordAudit } from "./audit";
import { appendEvent } from "./events";
import { entryInclude, toEntryDTO } from "./to-dto";
import type { Db } from "./types";

/** Enough for any honest record of an entry's mistakes; it keeps one entry from carrying an unbounded list. */
export const MAX_CORRECTIONS_PER_ENTRY = 20;

/**
 * Attaches a correction to a published entry. The entry's version is left alone (a correction is not an edit, so
 * nobody's open editor conflicts with it); its editedAt moves, so readers see it was updated.
 */
export async function addEntryCorrection(
  db: Db,
  actor: Actor | null,
  slug: string,
  id: string,
  input: CreateCorrectionInput,
): Promise<Committed<EntryDTO>> {
  const editor = requirePermission(actor, "entry:correct");
  const { entry, event } = await db.$transaction(async (tx) => {
    const current = await tx.entry.findFirst({
      where: { id, blog: { slug }, deletedAt: null },
      select: { status: true, blogId: true, _count: { select: { corrections: true } } },
    });
    if (!current) throw new AppError("NOT_FOUND", `no entry with id "${id}" in this blog`);
    if (current.status !== "PUBLISHED")
      throw new AppError(
        "CONFLICT",
        "only a published entry takes a correction; edit a draft or scheduled one instead",
      );
    if (current._count.corrections >= MAX_CORRECTIONS_PER_ENTRY)
      throw new AppError("CONFLICT", `an entry may carry at most ${MAX_CORRECTIONS_PER_ENTRY} corrections`);
    const now = new Date();
    // The entry row first, then the blog's (appendEvent), as every entry write locks them.
    await tx.entry.update({ where: { id }, data: { editedAt: now } });
    await tx.entryCorrection.create({ data: { entryId: id, text: input.text, authorId: editor.id, createdAt: now } });
    const row = await tx.entry.findUniqueOrThrow({ where: { id }, include: entryInclude });
    await recordAudit(tx, {
      blogId: row.blogId,
      actorId: editor.id,
      action: "entry.corrected",
      entryId: id,
      summary: `“${input.text}” on ${describeEntry(row)}`,
    });
    const entry = toEntryDTO(row);
    const event = await appendEvent(tx, row.blogId, "entry:updated", (seq) => ({ blog: slug, seq, entry }));
    return { entry, event };
  });
  return committed(entry, entrySaved(entry, event, changedBy(editor)));
}
