// Restoring an earlier version: a new save of that revision's headline, body, label and key event, through
// updateEntry's version check (a stale restore is a 409 like any stale save), recorded as a revision of its own
// and audited as a restore. The entry's status is kept: restoring text never publishes or unpublishes anything.
import type { EntryDTO } from "@/common/contracts/dto";
import type { RestoreRevisionInput } from "@/common/contracts/schemas";
import { requirePermission, type Actor } from "@/common/permissions";
import type { ImageSources } from "../content/sanitize";
import type { Committed } from "../effects";
import { updateEntry } from "./entries";
import { findRevision } from "./revisions";
import type { Db } from "./types";

export async function restoreEntryRevision(
  db: Db,
  actor: Actor | null,
  slug: string,
  id: string,
  revisionId: string,
  input: RestoreRevisionInput,
  sources: ImageSources = {},
): Promise<Committed<EntryDTO>> {
  requirePermission(actor, "newsroom:read");
  const revision = await findRevision(db, slug, id, revisionId);
  // A label the blog has since removed cannot be saved again: the entry then keeps the label it has.
  const labelStillExists =
    revision.label === null || (await db.blogLabel.count({ where: { blog: { slug }, name: revision.label } })) > 0;
  // updateEntry checks that this actor may edit the entry (a journalist: their own), as for any save.
  return updateEntry(
    db,
    actor,
    slug,
    id,
    {
      version: input.version,
      headline: revision.headline,
      body: revision.body,
      label: labelStillExists ? revision.label : undefined,
      keyEvent: revision.keyEvent,
    },
    { ...sources, restoring: { revisionId: revision.id, version: revision.version } },
  );
}
