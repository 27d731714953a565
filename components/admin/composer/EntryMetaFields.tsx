"use client";
// What an entry carries besides its text: headline, label (from the blog's list, Breaking in one click), key event
// and, for editors, who it is by.
import type { CSSProperties } from "react";
import { BREAKING_LABEL, type BlogLabelDTO, type ContributorDTO } from "@/common/contracts/dto";
import { LabelBadge } from "@/components/feed/LabelBadge";
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
  labels,
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
  /** The blog's labels, in its order. */
  labels: readonly BlogLabelDTO[];
}) {
  const breaking = labels.find((label) => label.name.toLowerCase() === BREAKING_LABEL.toLowerCase());
  const picked = labels.find((label) => label.name === fields.label);
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
            {labels.map((label) => (
              <option key={label.id} value={label.name}>
                {label.name}
              </option>
            ))}
            {/* A label no longer in the blog's list (removed since): shown, and kept unless another is picked. */}
            {fields.label && !picked && <option value={fields.label}>{fields.label} (not in the list)</option>}
          </select>
        </FormField>
        {fields.label && (
          <span className="py-1.5" data-testid="composer-label">
            <LabelBadge name={fields.label} colour={picked?.colour ?? null} />
          </span>
        )}
        {breaking && (
          <button
            type="button"
            aria-pressed={fields.label === breaking.name}
            onClick={() => onChange({ label: fields.label === breaking.name ? "" : breaking.name })}
            style={{ "--label-colour": breaking.colour } as CSSProperties}
            className="my-1 rounded border border-[var(--label-colour)] px-2 py-1 text-xs font-semibold uppercase tracking-wide text-[var(--label-colour)] aria-pressed:bg-[var(--label-colour)] aria-pressed:text-white dark:text-white focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-blue-600"
          >
            {breaking.name}
          </button>
        )}
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
