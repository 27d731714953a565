// The fields a writer edits in the composer, and how each one maps to and from an entry. A new entry field the
// composer edits is added here (and its input in EntryMetaFields.tsx): drafts, saves, the preview and the
// "is anything unsaved?" comparison all follow from this file.
import { z } from "@/common/zod";
import type { EntryDTO } from "@/common/contracts/dto";

/** Fields added later need a `.default()`: drafts already kept in browsers are parsed with this schema. */
export const composerFieldsSchema = z.object({
  headline: z.string().default(""),
  /** The editor's HTML. */
  body: z.string(),
  label: z.string().default(""),
  keyEvent: z.boolean().default(false),
  authorId: z.string(),
});
export type ComposerFields = z.infer<typeof composerFieldsSchema>;

/** What the composer shows for an entry the server holds. */
export function fieldsOf(entry: EntryDTO): ComposerFields {
  return {
    headline: entry.headline ?? "",
    body: entry.body,
    label: entry.label ?? "",
    keyEvent: entry.keyEvent,
    authorId: entry.author.id,
  };
}

/** The empty form, written by `actorId`: every field at its default. */
export function emptyFields(actorId: string): ComposerFields {
  return composerFieldsSchema.parse({ body: "", authorId: actorId });
}

/** The entry fields a save sends and the preview shows (the author travels apart: it is named only when it changes). */
export function entryFieldsOf(fields: ComposerFields): Pick<EntryDTO, "headline" | "body" | "label" | "keyEvent"> {
  return {
    headline: fields.headline.trim() || null,
    body: fields.body,
    label: fields.label || null,
    keyEvent: fields.keyEvent,
  };
}

const FIELD_NAMES = Object.keys(composerFieldsSchema.shape) as (keyof ComposerFields)[];

/** True when every composer field (each one in the schema above) is the same. */
export function sameFields(a: ComposerFields, b: ComposerFields): boolean {
  return FIELD_NAMES.every((name) => a[name] === b[name]);
}

/** True when the editor holds no text and no media (TipTap's empty document is "<p></p>"). */
export function isBlankBody(html: string): boolean {
  if (/<(img|iframe|figure)\b/i.test(html)) return false;
  return html.replace(/<[^>]*>/g, "").replace(/&nbsp;|\s/g, "") === "";
}
