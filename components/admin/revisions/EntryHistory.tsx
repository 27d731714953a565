"use client";
// An entry's History: every saved version (who, when), the word-level changes of one against the version before
// it or against the entry as it is now, and Restore, which saves that version again on the current one (a
// colleague's save in between makes it a 409, as any stale save). Opens as a wide dialog over the workspace.
import { useEffect, useId, useRef, useState } from "react";
import type { EntryDTO, RevisionDTO } from "@/common/contracts/dto";
import { bodyDiff, wordDiff } from "@/common/text-diff";
import { apiRequest, messageOf } from "@/components/admin/api-request";
import { buttonStyles } from "@/components/admin/styles";
import { EntryTime } from "@/components/feed/EntryTime";
import { BodyDiff, WordDiff } from "./DiffText";

type Compared = "previous" | "current";

const STATUS_WORDS: Record<EntryDTO["status"], string> = {
  DRAFT: "draft",
  SCHEDULED: "scheduled",
  PUBLISHED: "published",
  SUBMITTED: "submitted for review",
  RETURNED: "sent back",
  REJECTED: "rejected",
};

/** What a version says, in the terms a diff compares (the entry now reads like a revision too). */
type Version = Pick<RevisionDTO, "headline" | "body" | "label" | "keyEvent" | "status">;

const sameContent = (a: Version, b: Version) =>
  a.headline === b.headline && a.body === b.body && a.label === b.label && a.keyEvent === b.keyEvent;

export function EntryHistory({
  slug,
  entry,
  mayRestore,
  onRestored,
  onClose,
}: {
  slug: string;
  entry: EntryDTO;
  mayRestore: boolean;
  onRestored: (entry: EntryDTO) => void;
  onClose: () => void;
}) {
  const id = useId();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [revisions, setRevisions] = useState<RevisionDTO[] | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [compared, setCompared] = useState<Compared>("previous");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const path = `/api/blogs/${encodeURIComponent(slug)}/entries/${encodeURIComponent(entry.id)}/revisions`;

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  // Read again whenever the entry moves on (a colleague's save, a restore): the list is then one longer.
  useEffect(() => {
    let current = true;
    apiRequest<{ revisions: RevisionDTO[] }>("GET", path)
      .then((answer) => {
        if (!current) return;
        setRevisions(answer.revisions);
        setSelected((chosen) => chosen ?? answer.revisions[0]?.id ?? null);
      })
      .catch((caught: unknown) => current && setError(messageOf(caught, "Could not load the history. Try again.")));
    return () => {
      current = false;
    };
  }, [path, entry.version]);

  const index = revisions?.findIndex((revision) => revision.id === selected) ?? -1;
  const revision = index >= 0 ? revisions![index]! : null;
  const previous: Version | null = revisions && index >= 0 ? (revisions[index + 1] ?? null) : null;
  const against: Version | null = compared === "current" ? entry : previous;
  const empty: Version = { headline: null, body: "", label: null, keyEvent: false, status: "DRAFT" };

  const restore = async () => {
    if (!revision) return;
    setBusy(true);
    setError(null);
    try {
      const answer = await apiRequest<{ entry: EntryDTO }>(
        "POST",
        `${path}/${encodeURIComponent(revision.id)}/restore`,
        {
          version: entry.version,
        },
      );
      onRestored(answer.entry);
      setNotice(`Restored version ${revision.version}.`);
    } catch (caught) {
      setError(messageOf(caught, "Could not reach the server. Try again."));
    } finally {
      setBusy(false);
    }
  };

  return (
    <dialog
      ref={dialogRef}
      aria-labelledby={`${id}-title`}
      onClose={onClose}
      className="m-auto w-[min(72rem,95vw)] max-h-[90vh] overflow-y-auto rounded-lg p-4 text-neutral-900 shadow-xl backdrop:bg-black/40 dark:bg-neutral-950 dark:text-neutral-100"
    >
      <div className="flex items-start gap-2">
        <h3 id={`${id}-title`} className="flex-1 text-lg font-bold">
          History{entry.headline ? `: ${entry.headline}` : ""}
        </h3>
        <button type="button" onClick={() => dialogRef.current?.close()} className={buttonStyles.secondary}>
          Close
        </button>
      </div>
      {revisions === null && !error && <p className="mt-3">Loading…</p>}
      {revisions?.length === 0 && (
        <p className="mt-3">No versions were kept for this entry yet (it was last saved before History existed).</p>
      )}
      {revisions && revisions.length > 0 && (
        <div className="mt-3 grid gap-4 md:grid-cols-[16rem_1fr]">
          <ol aria-label="Versions" className="space-y-1">
            {revisions.map((item) => (
              <li key={item.id}>
                <button
                  type="button"
                  aria-pressed={item.id === selected}
                  onClick={() => setSelected(item.id)}
                  className="w-full rounded border border-neutral-200 px-2 py-1 text-left text-sm hover:bg-neutral-100 aria-pressed:border-blue-600 aria-pressed:bg-blue-50 dark:border-neutral-800 dark:hover:bg-neutral-900 dark:aria-pressed:bg-blue-950"
                >
                  <span className="font-semibold">Version {item.version}</span>
                  {item.version === entry.version && " (current)"}
                  <br />
                  {item.savedBy?.name ?? "On schedule"} · <EntryTime iso={item.savedAt} /> · {STATUS_WORDS[item.status]}
                  {item.restoredFromId && " · restored"}
                </button>
              </li>
            ))}
          </ol>
          {revision && (
            <section aria-label={`Version ${revision.version}`} data-testid="revision-diff" className="space-y-3">
              <div role="radiogroup" aria-label="Compare with" className="flex flex-wrap gap-4 text-sm">
                {(["previous", "current"] as const).map((value) => (
                  <label key={value} className="flex items-center gap-1.5">
                    <input
                      type="radio"
                      name={`${id}-compared`}
                      checked={compared === value}
                      onChange={() => setCompared(value)}
                    />
                    {value === "previous" ? "Changes from the version before" : "Differences from the current entry"}
                  </label>
                ))}
              </div>
              <VersionDiff
                from={compared === "current" ? revision : (against ?? empty)}
                to={compared === "current" ? entry : revision}
              />
              {mayRestore && (
                <div className="flex flex-wrap items-center gap-2 border-t border-neutral-200 pt-3 dark:border-neutral-800">
                  <button
                    type="button"
                    disabled={busy || sameContent(revision, entry)}
                    onClick={() => void restore()}
                    className={buttonStyles.primary}
                  >
                    Restore version {revision.version}
                  </button>
                  {sameContent(revision, entry) && (
                    <span className="text-sm text-neutral-600 dark:text-neutral-400">
                      The entry already reads like this.
                    </span>
                  )}
                </div>
              )}
            </section>
          )}
        </div>
      )}
      {error && (
        <p role="alert" className="mt-3 rounded bg-red-50 px-3 py-2 text-red-800 dark:bg-red-950 dark:text-red-200">
          {error}
        </p>
      )}
      <p role="status" className="mt-2 min-h-5 text-sm">
        {notice}
      </p>
    </dialog>
  );
}

/** What changed from one version to another: headline word by word, label, key event and status, the text. */
function VersionDiff({ from, to }: { from: Version; to: Version }) {
  const facts = [
    from.label !== to.label && `Label: ${from.label ?? "none"} → ${to.label ?? "none"}`,
    from.keyEvent !== to.keyEvent && (to.keyEvent ? "Marked as a key event" : "No longer a key event"),
    from.status !== to.status && `Status: ${STATUS_WORDS[from.status]} → ${STATUS_WORDS[to.status]}`,
  ].filter((fact): fact is string => typeof fact === "string");
  return (
    <div className="space-y-2">
      <h4 className="text-lg font-bold" data-testid="diff-headline">
        <WordDiff ops={wordDiff(from.headline ?? "", to.headline ?? "")} />
      </h4>
      {facts.length > 0 && (
        <ul className="list-inside list-disc text-sm">
          {facts.map((fact) => (
            <li key={fact}>{fact}</li>
          ))}
        </ul>
      )}
      <div data-testid="diff-body">
        <BodyDiff blocks={bodyDiff(from.body, to.body)} />
      </div>
    </div>
  );
}
