"use client";
// What an entry carries besides its text: headline, label, key event and, for editors, who it is by.
import { ENTRY_LABELS, isEntryLabel, type ContributorDTO } from "@/common/contracts/dto";
import type { Actor } from "@/common/permissions";
import { FormField } from "@/components/admin/FormField";
import { inputStyles, labelStyles } from "@/components/admin/styles";
import type { ComposerFieldsChange } from "./composer-state";
import type { ComposerFields } from "./composer-fields";

export function EntryMetaFields({
  id,
  fields,
  onChange,
  actor,
  contributors,
  mayPickAuthor,
  authorName,
}: {
  /** Prefix for the controls' ids. */
  id: string;
  fields: ComposerFields;
  onChange: (change: ComposerFieldsChange) => void;
  actor: Actor;
  /** Who an editor may name as the author. */
  contributors: ContributorDTO[];
  mayPickAuthor: boolean;
  /** Shown when the author cannot be picked. */
  authorName: string;
}) {
  return (
    <>
      <FormField htmlFor={`${id}-headline`} label="Headline (optional)">
        <input
          id={`${id}-headline`}
          value={fields.headline}
          maxLength={300}
          onChange={(event) => onChange({ headline: event.target.value })}
          className={`${inputStyles} text-base font-semibold`}
        />
      </FormField>

      <div className="flex flex-wrap items-end gap-3">
        <FormField htmlFor={`${id}-label`} label="Label">
          <select
            id={`${id}-label`}
            value={fields.label}
            onChange={(event) => onChange({ label: event.target.value })}
            className={inputStyles}
          >
            <option value="">None</option>
            {ENTRY_LABELS.map((label) => (
              <option key={label} value={label}>
                {label}
              </option>
            ))}
            {/* A label stored before the list was enforced: shown, and kept unless another is picked. */}
            {fields.label && !isEntryLabel(fields.label) && <option value={fields.label}>{fields.label}</option>}
          </select>
        </FormField>
        <label className="flex items-center gap-2 py-1.5">
          <input
            type="checkbox"
            checked={fields.keyEvent}
            onChange={(event) => onChange({ keyEvent: event.target.checked })}
            className="h-4 w-4"
          />
          Key event
        </label>
        <div>
          {mayPickAuthor ? (
            <>
              <label htmlFor={`${id}-author`} className={labelStyles}>
                Author
              </label>
              <select
                id={`${id}-author`}
                value={fields.authorId}
                onChange={(event) => onChange({ authorId: event.target.value })}
                className={inputStyles}
              >
                {!contributors.some((contributor) => contributor.id === actor.id) && (
                  <option value={actor.id}>{actor.name}</option>
                )}
                {contributors.map((contributor) => (
                  <option key={contributor.id} value={contributor.id}>
                    {contributor.name}
                  </option>
                ))}
              </select>
            </>
          ) : (
            <p className="py-1.5 text-neutral-600 dark:text-neutral-400">
              By <span className="font-medium">{authorName}</span>
            </p>
          )}
        </div>
      </div>
    </>
  );
}
