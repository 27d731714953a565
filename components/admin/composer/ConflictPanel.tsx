"use client";
// A colleague saved the entry while this writer was editing it, and both changed the same thing. What did not
// collide is already merged; for each field both changed (each stretch of the body), the writer sees each
// side's word-level changes from the version they both started from and picks one. It opens as a wide dialog,
// not in the stream's narrow column, and nothing is saved until the writer chooses.
import { useEffect, useId, useRef, useState, type ReactNode } from "react";
import { bodyDiff, wordDiff } from "@/common/text-diff";
import { bodyConflictCount, type MergeChoice, type MergeChoices, type MergeField } from "@/common/three-way-merge";
import { buttonStyles } from "@/components/admin/styles";
import { BodyDiff, WordDiff } from "@/components/admin/revisions/DiffText";
import { EntryTime } from "@/components/feed/EntryTime";
import type { Conflict } from "./composer-state";
import { fieldList } from "./save-requests";

const FIELD_NAMES: Record<MergeField, string> = {
  headline: "Headline",
  body: "Text",
  label: "Label",
  keyEvent: "Key event",
};

const shown = (value: string | boolean) =>
  typeof value === "boolean" ? (value ? "Key event" : "Not a key event") : value || "(none)";

export function ConflictPanel({
  conflict,
  busy,
  onResolve,
  onTakeTheirs,
}: {
  conflict: Conflict;
  busy: boolean;
  onResolve: (choices: MergeChoices) => void;
  onTakeTheirs: () => void;
}) {
  const id = useId();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const { merge, changedBy, changedAt } = conflict;
  const colleague = changedBy?.name ?? "A colleague";
  const theirsLabel = changedBy ? `${changedBy.name}'s` : "Their";
  const takeTheirs = changedBy ? `Take ${changedBy.name}'s` : "Take theirs";
  const [choices, setChoices] = useState<Required<Omit<MergeChoices, "body">>>({
    headline: "mine",
    label: "mine",
    keyEvent: "mine",
  });
  const [bodyChoices, setBodyChoices] = useState<MergeChoice[]>(() =>
    Array.from({ length: bodyConflictCount(merge) }, () => "mine"),
  );

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  const choice = (name: string, value: MergeChoice, current: MergeChoice, onPick: () => void, text: string) => (
    <label className="flex items-center gap-1.5">
      <input type="radio" name={name} value={value} checked={current === value} onChange={onPick} />
      {text}
    </label>
  );

  const sides = (mine: ReactNode, theirs: ReactNode) => (
    <div className="grid gap-3 md:grid-cols-2">
      <div data-testid="merge-mine" className="rounded bg-white p-2 dark:bg-neutral-900">
        <h4 className="text-xs font-semibold uppercase tracking-wide text-neutral-600 dark:text-neutral-400">
          Your change
        </h4>
        <div className="mt-1">{mine}</div>
      </div>
      <div data-testid="merge-theirs" className="rounded bg-white p-2 dark:bg-neutral-900">
        <h4 className="text-xs font-semibold uppercase tracking-wide text-neutral-600 dark:text-neutral-400">
          {theirsLabel} change
        </h4>
        <div className="mt-1">{theirs}</div>
      </div>
    </div>
  );

  let bodyIndex = 0;
  return (
    <dialog
      ref={dialogRef}
      aria-labelledby={`${id}-title`}
      // Closing without a choice would leave the writer with a save that cannot go through.
      onCancel={(event) => event.preventDefault()}
      className="m-auto w-[min(72rem,95vw)] max-h-[90vh] overflow-y-auto rounded-lg border-2 border-amber-500 bg-amber-50 p-4 text-neutral-900 shadow-xl backdrop:bg-black/40 dark:bg-neutral-950 dark:text-neutral-100"
    >
      <h3 id={`${id}-title`} className="text-lg font-bold">
        {colleague} changed this entry at <EntryTime iso={changedAt} /> while you were editing
      </h3>
      <p className="mt-1 text-neutral-700 dark:text-neutral-300">
        Nothing was saved yet. You both changed {fieldList(merge.conflicts)}: choose for each below.
        {merge.takenFromTheirs.length > 0 &&
          ` Their change to ${fieldList(merge.takenFromTheirs)} is merged in already.`}
      </p>

      <div className="mt-3 space-y-4">
        {merge.conflicts.map((field) => {
          const fieldMerge = merge.fields[field];
          if (fieldMerge.outcome !== "conflict") return null;
          if (field === "body") {
            return (fieldMerge.chunks ?? []).map((chunk) => {
              if (chunk.kind !== "conflict") return null;
              const index = bodyIndex++;
              const current = bodyChoices[index] ?? "mine";
              const pick = (value: MergeChoice) => () =>
                setBodyChoices((all) => all.map((old, at) => (at === index ? value : old)));
              const name = `${id}-body-${index}`;
              const base = chunk.base.join("");
              return (
                <fieldset key={name} data-testid="merge-field" data-field="body" className="space-y-2">
                  <legend className="font-semibold">
                    Text{bodyConflictCount(merge) > 1 ? `, passage ${index + 1}` : ""}
                  </legend>
                  {sides(
                    <BodyDiff blocks={bodyDiff(base, chunk.mine.join(""))} />,
                    <BodyDiff blocks={bodyDiff(base, chunk.theirs.join(""))} />,
                  )}
                  <div className="flex flex-wrap gap-4 text-sm">
                    {choice(name, "mine", current, pick("mine"), "Keep mine")}
                    {choice(name, "theirs", current, pick("theirs"), takeTheirs)}
                    {choice(name, "both", current, pick("both"), "Keep both (mine first)")}
                  </div>
                </fieldset>
              );
            });
          }
          const scalar = field;
          const name = `${id}-${field}`;
          const text = (value: unknown) => shown(value as string | boolean);
          const pick = (value: "mine" | "theirs") => () => setChoices((all) => ({ ...all, [scalar]: value }));
          return (
            <fieldset key={field} data-testid="merge-field" data-field={field} className="space-y-2">
              <legend className="font-semibold">{FIELD_NAMES[field]}</legend>
              {field === "headline"
                ? sides(
                    <WordDiff ops={wordDiff(text(fieldMerge.base), text(fieldMerge.mine))} />,
                    <WordDiff ops={wordDiff(text(fieldMerge.base), text(fieldMerge.theirs))} />,
                  )
                : sides(text(fieldMerge.mine), text(fieldMerge.theirs))}
              <div className="flex flex-wrap gap-4 text-sm">
                {choice(name, "mine", choices[scalar], pick("mine"), "Keep mine")}
                {choice(name, "theirs", choices[scalar], pick("theirs"), takeTheirs)}
              </div>
            </fieldset>
          );
        })}
      </div>

      <div className="mt-4 flex flex-wrap gap-2">
        <button
          type="button"
          disabled={busy}
          onClick={() => onResolve({ ...choices, body: bodyChoices })}
          className={buttonStyles.primary}
        >
          Save with these choices
        </button>
        <button type="button" disabled={busy} onClick={onTakeTheirs} className={buttonStyles.secondary}>
          Discard mine, take {changedBy ? `${changedBy.name}'s version` : "theirs"}
        </button>
      </div>
    </dialog>
  );
}
