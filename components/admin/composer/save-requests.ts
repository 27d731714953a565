// What the composer sends for each kind of save, and what it makes of the answer. Pure, so unit-tested.
import { isEntryLabel, type EntryDTO, type EntryStatus } from "@/common/contracts/dto";
import type { CreateEntryRequest, UpdateEntryRequest } from "@/common/contracts/schemas";
import { ApiError } from "@/components/admin/api-request";
import type { ComposerAction, Intent } from "./composer-state";
import { entryFieldsOf, type ComposerFields } from "./composer-fields";

/** The status a save asks for; undefined keeps the entry's (an edit's "Save", or the draft autosave). */
export function statusOf(intent: Intent): EntryStatus | undefined {
  switch (intent.kind) {
    case "draft":
      return "DRAFT";
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
 * version: one stored before labels were a fixed list is kept by not naming it, since the server refuses it.
 */
export function updateRequest(
  sent: ComposerFields,
  intent: Intent,
  version: number,
  baseLabel: string,
): UpdateEntryRequest {
  const status = statusOf(intent);
  const keepsStoredLabel = sent.label !== "" && !isEntryLabel(sent.label) && sent.label === baseLabel;
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
  return "Draft saved.";
}

export const OFFLINE_MESSAGE =
  "Could not reach the server. Your text is kept in this browser; try again when you are back online.";

/** A refused or failed save, as the change it makes to the composer. */
export function saveFailure(caught: unknown, sent: ComposerFields, intent: Intent, isNew: boolean): ComposerAction {
  if (caught instanceof ApiError && caught.status === 409 && caught.details.current) {
    return { type: "conflicted", conflict: { mine: sent, theirs: caught.details.current as EntryDTO, intent } };
  }
  if (caught instanceof ApiError) {
    // 422: this key already published the text as it was before the last change; a new key publishes this one.
    return { type: "failed", message: caught.message, dropPublishKey: caught.status === 422 && isNew };
  }
  return { type: "failed", message: OFFLINE_MESSAGE, dropPublishKey: false };
}

/** The entry as readers would see it, for the preview and the conflict panel's "Your version". */
export function previewEntry(
  fields: ComposerFields,
  context: { slug: string; entry: EntryDTO | undefined; authorName: string; version: number | null; time: string },
): EntryDTO {
  const { entry, time } = context;
  return {
    id: entry?.id ?? "new",
    blog: context.slug,
    ...entryFieldsOf(fields),
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
