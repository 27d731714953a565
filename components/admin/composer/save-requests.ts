// What the composer sends for each kind of save, and what it makes of the answer. Pure, so unit-tested.
import { entryConflictSchema, type EntryDTO } from "@/common/contracts/dto";
import { mergeEntryFields, resolveMerge, type MergeField } from "@/common/three-way-merge";
import type { CreateEntryRequest, UpdateEntryRequest } from "@/common/contracts/schemas";
import { ApiError } from "@/components/admin/api-request";
import type { ComposerAction, Conflict, Intent } from "./composer-state";
import { entryFieldsOf, fieldsOf, type ComposerFields } from "./composer-fields";

/** The status a save asks for; undefined keeps the entry's (an edit's "Save", or the draft autosave). */
export function statusOf(intent: Intent): UpdateEntryRequest["status"] {
  switch (intent.kind) {
    case "draft":
      return "DRAFT";
    case "submit":
      return "SUBMITTED";
    case "publish":
      return "PUBLISHED";
    case "schedule":
      return "SCHEDULED";
    case "save":
    case "autosave":
      return undefined;
  }
}

/** POST /api/blogs/{slug}/entries. The author is named only when it is someone else. */
export function createRequest(sent: ComposerFields, intent: Intent, actorId: string): CreateEntryRequest {
  return {
    ...entryFieldsOf(sent),
    status: statusOf(intent) ?? "PUBLISHED",
    ...(intent.kind === "schedule" ? { scheduledAt: intent.scheduledAt } : {}),
    ...(sent.authorId !== actorId ? { authorId: sent.authorId } : {}),
  };
}

/**
 * PATCH /api/blogs/{slug}/entries/{id}, based on `version`. `baseLabel` is the label the server holds at that
 * version: one no longer in the blog's list (removed, or stored before there was a list) is kept by not naming
 * it, so a save never depends on the server taking it back.
 */
export function updateRequest(
  sent: ComposerFields,
  intent: Intent,
  version: number,
  baseLabel: string,
): UpdateEntryRequest {
  const status = statusOf(intent);
  const keepsStoredLabel = sent.label !== "" && sent.label === baseLabel;
  const { label, ...fields } = entryFieldsOf(sent);
  return {
    version,
    ...fields,
    ...(keepsStoredLabel ? {} : { label }),
    ...(status ? { status } : {}),
    ...(intent.kind === "schedule" ? { scheduledAt: intent.scheduledAt } : {}),
  };
}

const timeOf = (iso: string) => new Date(iso).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });

/** What the composer says once a new entry is saved. */
export function createdNotice(entry: EntryDTO): string {
  if (entry.status === "PUBLISHED") return "Published.";
  if (entry.status === "SCHEDULED" && entry.scheduledAt) return `Scheduled for ${timeOf(entry.scheduledAt)}.`;
  if (entry.status === "SUBMITTED") return "Sent to the editors for review.";
  return "Draft saved.";
}

export const OFFLINE_MESSAGE =
  "Could not reach the server. Your text is kept in this browser; try again when you are back online.";

const conflictDetailsSchema = entryConflictSchema.omit({ error: true, code: true });

/** What a save refused for a colleague's newer version should do next. */
export type ConflictOutcome =
  /** Nothing collided: save `fields` (the merge) on their version; `notice` names whose change came in. */
  | { kind: "merged"; theirs: EntryDTO; server: ComposerFields; fields: ComposerFields; notice: string | null }
  /** Both changed the same thing: the writer chooses (the merge panel). */
  | { kind: "conflict"; conflict: Conflict };

const FIELD_WORDS: Record<MergeField, string> = {
  headline: "the headline",
  body: "the text",
  label: "the label",
  keyEvent: "the key event",
};

/** "the headline", "the headline and the text", "the label, the key event and the text". */
export function fieldList(fields: readonly MergeField[]): string {
  const words = fields.map((field) => FIELD_WORDS[field]);
  return words.length <= 1 ? (words[0] ?? "") : `${words.slice(0, -1).join(", ")} and ${words.at(-1)}`;
}

/** "Merged with Ana's change to the headline." (null when their change was the same as ours). */
export function mergedNotice(changedBy: { name: string } | null, fields: readonly MergeField[]): string | null {
  if (fields.length === 0) return null;
  const whose = changedBy ? `${changedBy.name}'s` : "a newer";
  return `Merged with ${whose} change to ${fieldList(fields)}.`;
}

/**
 * A 409 for a stale edit, as a three-way merge: `base` is what this editor started from, `sent` what it tried
 * to save, and the answer's `current` what a colleague saved. `asEditorWrites` spells their body as the editor
 * does, so only real differences count. Null when the answer is not a conflict about this entry's version.
 */
export function conflictOutcome(
  caught: unknown,
  {
    sent,
    base,
    intent,
    asEditorWrites,
  }: { sent: ComposerFields; base: ComposerFields; intent: Intent; asEditorWrites: (html: string) => string },
): ConflictOutcome | null {
  if (!(caught instanceof ApiError) || caught.status !== 409) return null;
  const parsed = conflictDetailsSchema.safeParse(caught.details);
  if (!parsed.success) return null;
  const { current: theirs, changedBy, changedAt } = parsed.data;
  const theirsFields = { ...fieldsOf(theirs), body: asEditorWrites(theirs.body), authorId: sent.authorId };
  const merge = mergeEntryFields(base, sent, theirsFields);
  if (merge.conflicts.length > 0) {
    return {
      kind: "conflict",
      conflict: { mine: sent, base, theirs, theirsFields, changedBy, changedAt, merge, intent },
    };
  }
  return {
    kind: "merged",
    theirs,
    server: theirsFields,
    fields: { ...sent, ...resolveMerge(merge, {}) },
    notice: mergedNotice(changedBy, merge.takenFromTheirs),
  };
}

/** A refused or failed save (other than a version conflict), as the change it makes to the composer. */
export function saveFailure(caught: unknown, isNew: boolean): ComposerAction {
  if (caught instanceof ApiError) {
    // 422: this key already published the text as it was before the last change; a new key publishes this one.
    return { type: "failed", message: caught.message, dropPublishKey: caught.status === 422 && isNew };
  }
  return { type: "failed", message: OFFLINE_MESSAGE, dropPublishKey: false };
}

/** The entry as readers would see it, for the preview and the conflict panel's "Your version". */
export function previewEntry(
  fields: ComposerFields,
  context: {
    slug: string;
    entry: EntryDTO | undefined;
    authorName: string;
    version: number | null;
    time: string;
    /** The colour of the label picked, from the blog's list. */
    labelColour?: string | null;
  },
): EntryDTO {
  const { entry, time } = context;
  return {
    id: entry?.id ?? "new",
    blog: context.slug,
    ...entryFieldsOf(fields),
    labelColour: context.labelColour ?? null,
    author: { id: fields.authorId, name: context.authorName },
    status: "PUBLISHED",
    publishedAt: entry?.publishedAt ?? time,
    scheduledAt: null,
    editedAt: entry?.status === "PUBLISHED" ? time : null,
    pinned: entry?.pinned ?? false,
    pinOrder: entry?.pinOrder ?? null,
    version: context.version ?? 1,
    createdAt: entry?.createdAt ?? time,
    updatedAt: time,
    corrections: entry?.corrections ?? [],
  };
}
