"use client";
// A blog's labels in its settings: editors add, rename, recolour and remove them. Each colour is checked as the
// server checks it (white text on it, at least 4.5:1) before it is sent, with the same message.
import { useState } from "react";
import type { BlogLabelDTO } from "@/common/contracts/dto";
import { createLabelSchema, describeZodError, updateLabelSchema } from "@/common/contracts/schemas";
import { apiRequest, messageOf } from "@/components/admin/api-request";
import { ConfirmButton } from "@/components/admin/ConfirmButton";
import { FormAlert, type Notice } from "@/components/admin/FormAlert";
import { Panel } from "@/components/admin/Panel";
import { buttonStyles, inputStyles } from "@/components/admin/styles";
import { LabelBadge } from "@/components/feed/LabelBadge";

const NEW_LABEL = { name: "", colour: "#1e3a8a" };

function LabelFields({
  idPrefix,
  value,
  onChange,
}: {
  idPrefix: string;
  value: { name: string; colour: string };
  onChange: (value: { name: string; colour: string }) => void;
}) {
  return (
    <>
      <input
        id={`${idPrefix}-name`}
        aria-label="Label name"
        value={value.name}
        maxLength={40}
        onChange={(event) => onChange({ ...value, name: event.target.value })}
        className={`${inputStyles} w-40`}
      />
      <input
        type="color"
        aria-label="Label colour"
        value={/^#[0-9a-f]{6}$/i.test(value.colour) ? value.colour : "#000000"}
        onChange={(event) => onChange({ ...value, colour: event.target.value })}
        className="h-8 w-10 cursor-pointer rounded border border-neutral-300 dark:border-neutral-700"
      />
      <input
        aria-label="Label colour as #rrggbb"
        value={value.colour}
        maxLength={7}
        onChange={(event) => onChange({ ...value, colour: event.target.value })}
        className={`${inputStyles} w-24 font-mono`}
      />
      <LabelBadge name={value.name || "Label"} colour={value.colour} />
    </>
  );
}

function LabelRow({
  slug,
  label,
  onSaved,
  onRemoved,
}: {
  slug: string;
  label: BlogLabelDTO;
  onSaved: (label: BlogLabelDTO) => void;
  onRemoved: (id: string) => void;
}) {
  const [value, setValue] = useState({ name: label.name, colour: label.colour });
  const [notice, setNotice] = useState<Notice | null>(null);
  const [busy, setBusy] = useState(false);
  const path = `/api/blogs/${encodeURIComponent(slug)}/labels/${encodeURIComponent(label.id)}`;
  const changed = value.name !== label.name || value.colour.toLowerCase() !== label.colour;

  const save = async () => {
    const parsed = updateLabelSchema.safeParse({
      ...(value.name !== label.name && { name: value.name }),
      ...(value.colour.toLowerCase() !== label.colour && { colour: value.colour }),
    });
    if (!parsed.success) return setNotice({ tone: "error", message: describeZodError(parsed.error) });
    setBusy(true);
    try {
      const answer = await apiRequest<{ label: BlogLabelDTO }>("PATCH", path, parsed.data);
      onSaved(answer.label);
      setValue({ name: answer.label.name, colour: answer.label.colour });
      setNotice({ tone: "success", message: `Saved ${answer.label.name}.` });
    } catch (caught) {
      setNotice({ tone: "error", message: messageOf(caught, "Could not save the label. Try again.") });
    } finally {
      setBusy(false);
    }
  };

  return (
    <li data-testid="label-row" className="space-y-1">
      <div className="flex flex-wrap items-center gap-2">
        <LabelFields idPrefix={`label-${label.id}`} value={value} onChange={setValue} />
        <button
          type="button"
          disabled={!changed || busy}
          onClick={() => void save()}
          className={buttonStyles.secondary}
        >
          Save
        </button>
        <ConfirmButton
          label="Remove"
          ariaLabel={`Remove ${label.name}`}
          title={`Remove the label ${label.name}?`}
          message="Entries that carry it keep its name, in grey; it is no longer offered in the composer."
          confirmLabel="Remove label"
          onConfirm={async () => {
            try {
              await apiRequest<void>("DELETE", path);
              onRemoved(label.id);
            } catch (caught) {
              setNotice({ tone: "error", message: messageOf(caught, "Could not remove the label. Try again.") });
            }
          }}
        />
      </div>
      <FormAlert message={notice?.message ?? null} tone={notice?.tone} />
    </li>
  );
}

export function LabelsManager({ slug, initial }: { slug: string; initial: BlogLabelDTO[] }) {
  const [labels, setLabels] = useState(initial);
  const [draft, setDraft] = useState(NEW_LABEL);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [busy, setBusy] = useState(false);

  const add = async () => {
    const parsed = createLabelSchema.safeParse(draft);
    if (!parsed.success) return setNotice({ tone: "error", message: describeZodError(parsed.error) });
    setBusy(true);
    try {
      const answer = await apiRequest<{ label: BlogLabelDTO }>(
        "POST",
        `/api/blogs/${encodeURIComponent(slug)}/labels`,
        parsed.data,
      );
      setLabels((current) => [...current, answer.label]);
      setDraft(NEW_LABEL);
      setNotice({ tone: "success", message: `Added ${answer.label.name}.` });
    } catch (caught) {
      setNotice({ tone: "error", message: messageOf(caught, "Could not add the label. Try again.") });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Panel headingId="labels-heading" heading="Labels">
      <p className="mb-3 text-sm text-neutral-600 dark:text-neutral-400">
        What writers may put above an entry&apos;s headline, in the colour readers see. Key events are a separate flag
        on the entry. Renaming a label renames it on every entry that carries it.
      </p>
      <ul className="space-y-2">
        {labels.map((label) => (
          <LabelRow
            key={label.id}
            slug={slug}
            label={label}
            onSaved={(saved) => setLabels((current) => current.map((known) => (known.id === saved.id ? saved : known)))}
            onRemoved={(id) => setLabels((current) => current.filter((known) => known.id !== id))}
          />
        ))}
      </ul>
      <form
        aria-label="Add a label"
        className="mt-4 flex flex-wrap items-center gap-2 border-t border-neutral-200 pt-3 dark:border-neutral-800"
        onSubmit={(event) => {
          event.preventDefault();
          void add();
        }}
      >
        <LabelFields idPrefix="new-label" value={draft} onChange={setDraft} />
        <button type="submit" disabled={busy} className={buttonStyles.primary}>
          Add label
        </button>
      </form>
      <div className="mt-2">
        <FormAlert message={notice?.message ?? null} tone={notice?.tone} />
      </div>
    </Panel>
  );
}
