"use client";
// One entry in the newsroom stream, with what the signed-in writer may do to it.
import { useRef, useState } from "react";
import type { BlogLabelDTO, BlogStatus, ContributorDTO, EntryDTO } from "@/common/contracts/dto";
import { can, type Actor } from "@/common/permissions";
import { apiRequest, ApiError } from "@/components/admin/api-request";
import { buttonStyles } from "@/components/admin/styles";
import { Composer } from "@/components/admin/composer/Composer";
import type { EditorColleagues } from "@/components/admin/presence/EditorPresence";
import { editingNotice } from "@/components/admin/presence/presence-state";
import { EntryTime } from "@/components/feed/EntryTime";
import { correctionLineOf } from "@/common/entry-text";
import { EntryHistory } from "@/components/admin/revisions/EntryHistory";
import { CorrectionForm } from "./CorrectionForm";
import { LabelBadge } from "@/components/feed/LabelBadge";
import { useCollapsibleBody } from "./use-collapsible-body";

const STATUS_STYLE: Record<EntryDTO["status"], string> = {
  DRAFT: "bg-neutral-200 text-neutral-800 dark:bg-neutral-800 dark:text-neutral-200",
  SCHEDULED: "bg-blue-100 text-blue-900 dark:bg-blue-950 dark:text-blue-100",
  PUBLISHED: "bg-green-100 text-green-900 dark:bg-green-950 dark:text-green-100",
  SUBMITTED: "bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-100",
  RETURNED: "bg-orange-100 text-orange-900 dark:bg-orange-950 dark:text-orange-100",
  REJECTED: "bg-red-100 text-red-900 dark:bg-red-950 dark:text-red-100",
};
const STATUS_TEXT: Record<EntryDTO["status"], string> = {
  DRAFT: "Draft",
  SCHEDULED: "Scheduled",
  PUBLISHED: "Published",
  SUBMITTED: "Submitted",
  RETURNED: "Sent back",
  REJECTED: "Rejected",
};

const smallButton =
  "rounded border border-neutral-300 px-2 py-1 text-xs font-medium hover:bg-neutral-100 disabled:opacity-50 aria-pressed:bg-amber-100 aria-pressed:border-amber-500 dark:border-neutral-700 dark:hover:bg-neutral-800 dark:aria-pressed:bg-amber-950 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-blue-600";

type Busy = "pin" | "key" | "delete" | "publish";

/** The entry as a colleague saved it, from a 409 answer; anything else is thrown on. */
function currentAfterConflict(caught: unknown): EntryDTO {
  const current =
    caught instanceof ApiError && caught.status === 409 ? (caught.details.current as EntryDTO | undefined) : undefined;
  if (!current) throw caught;
  return current;
}

export interface StreamItemProps {
  entry: EntryDTO;
  blog: { slug: string; status: BlogStatus };
  actor: Actor;
  contributors: ContributorDTO[];
  labels: readonly BlogLabelDTO[];
  editing: boolean;
  onEdit: () => void;
  onCloseEditor: () => void;
  /** Colleagues with this entry open, and their saves of it since it was opened here. */
  colleagues?: EditorColleagues;
  onChanged: (entry: EntryDTO) => void;
  onRemoved: (id: string) => void;
}

export function StreamItem({
  entry,
  blog,
  actor,
  contributors,
  labels,
  editing,
  onEdit,
  onCloseEditor,
  colleagues,
  onChanged,
  onRemoved,
}: StreamItemProps) {
  const [busy, setBusy] = useState<Busy | null>(null);
  const [open, setOpen] = useState<"history" | "correction" | null>(null);
  // An error is about the version it happened to: a newer version (a colleague's edit) clears it.
  const [failure, setFailure] = useState<{ version: number; message: string } | null>(null);
  const error = failure?.version === entry.version ? failure.message : null;
  const setError = (message: string | null) =>
    setFailure(message === null ? null : { version: entry.version, message });
  const dialogRef = useRef<HTMLDialogElement>(null);
  const entryPath = `/api/blogs/${encodeURIComponent(blog.slug)}/entries/${encodeURIComponent(entry.id)}`;
  const context = { authorId: entry.author.id, status: entry.status };
  const mayEdit = can(actor, "entry:edit", context);
  const mayDelete = can(actor, "entry:delete", context);
  const mayPin = can(actor, "entry:pin", context);
  const mayReadHistory = can(actor, "entry:history", context);
  const mayCorrect = can(actor, "entry:correct", context) && entry.status === "PUBLISHED";
  const headingId = `stream-${entry.id}-headline`;

  const { body, toggle: showMore } = useCollapsibleBody(entry.body);
  const mayPublish = mayEdit && entry.status === "DRAFT" && blog.status === "LIVE";

  const run = async (what: Busy, action: () => Promise<void>) => {
    if (busy) return;
    setBusy(what);
    setError(null);
    try {
      await action();
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : "Could not reach the server. Try again.");
    } finally {
      setBusy(null);
    }
  };

  const togglePin = () =>
    run("pin", async () => {
      const answer = await apiRequest<{ entry: EntryDTO }>(entry.pinned ? "DELETE" : "PUT", `${entryPath}/pin`);
      onChanged(answer.entry);
    });

  const toggleKeyEvent = () =>
    run("key", async () => {
      const keyEvent = !entry.keyEvent;
      try {
        onChanged(
          (await apiRequest<{ entry: EntryDTO }>("PATCH", entryPath, { version: entry.version, keyEvent })).entry,
        );
      } catch (caught) {
        // Only this one field is sent, so someone else's newer text is never touched: retry on their version.
        const current = currentAfterConflict(caught);
        if (current.keyEvent === keyEvent) return onChanged(current);
        onChanged(
          (await apiRequest<{ entry: EntryDTO }>("PATCH", entryPath, { version: current.version, keyEvent })).entry,
        );
      }
    });

  // Sent with the version on screen: if a colleague changed the draft since, the 409 says so and the card
  // shows their version (live) before anyone publishes it.
  const publish = () =>
    run("publish", async () => {
      try {
        onChanged(
          (await apiRequest<{ entry: EntryDTO }>("PATCH", entryPath, { version: entry.version, status: "PUBLISHED" }))
            .entry,
        );
      } catch (caught) {
        const current = currentAfterConflict(caught);
        onChanged(current);
        setFailure({
          version: current.version,
          message: "Someone changed this draft meanwhile: check their version, then publish again.",
        });
      }
    });

  const remove = () =>
    run("delete", async () => {
      dialogRef.current?.close();
      await apiRequest<void>("DELETE", entryPath);
      onRemoved(entry.id);
    });

  return (
    <article
      aria-labelledby={headingId}
      data-testid="stream-entry"
      data-entry-id={entry.id}
      data-status={entry.status}
      data-pinned={entry.pinned || undefined}
      className="rounded border border-neutral-200 bg-white p-3 data-[pinned]:border-l-4 data-[pinned]:border-l-red-600 dark:border-neutral-800 dark:bg-neutral-900"
    >
      <header className="flex flex-wrap items-center gap-2 text-xs text-neutral-600 dark:text-neutral-400">
        <span
          data-testid="status-badge"
          className={`rounded px-1.5 py-0.5 font-semibold uppercase tracking-wide ${STATUS_STYLE[entry.status]}`}
        >
          {STATUS_TEXT[entry.status]}
          {entry.status === "SCHEDULED" && entry.scheduledAt && (
            <>
              {" for "}
              <EntryTime iso={entry.scheduledAt} />
            </>
          )}
        </span>
        {entry.pinned && <span className="font-semibold uppercase text-red-700 dark:text-red-400">Pinned</span>}
        {entry.label && <LabelBadge name={entry.label} colour={entry.labelColour} />}
        {entry.keyEvent && (
          <span className="font-semibold uppercase text-amber-700 dark:text-amber-400">Key event</span>
        )}
        {!editing && colleagues && colleagues.editing.length > 0 && (
          <span
            data-testid="card-editing"
            className="rounded-full bg-emerald-100 px-2 py-0.5 font-medium text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100"
          >
            {editingNotice(colleagues.editing, false)}
          </span>
        )}
        <span className="ml-auto">
          By <span className="font-medium text-neutral-800 dark:text-neutral-200">{entry.author.name}</span>
          {" · "}
          <EntryTime iso={entry.publishedAt ?? entry.updatedAt} />
          {entry.editedAt && (
            <>
              {" · updated "}
              <EntryTime iso={entry.editedAt} />
            </>
          )}
        </span>
      </header>

      <h3 id={headingId} className={entry.headline ? "mt-2 text-base font-bold" : "sr-only"}>
        {entry.headline ?? `Entry by ${entry.author.name}`}
      </h3>

      {editing ? (
        <div className="mt-3">
          <Composer
            blog={blog}
            actor={actor}
            contributors={contributors}
            labels={labels}
            entry={entry}
            colleagues={colleagues}
            onSaved={onChanged}
            onClose={onCloseEditor}
          />
        </div>
      ) : (
        <>
          {body}
          {entry.corrections.map((note) => (
            <p
              key={note.id}
              data-testid="stream-correction"
              className="mt-2 border-l-4 border-amber-500 bg-amber-50 px-2 py-1 text-xs dark:bg-amber-950/40"
            >
              {correctionLineOf(note.text)} · <EntryTime iso={note.createdAt} />
            </p>
          ))}
          <div className="mt-3 flex min-h-7 flex-wrap gap-2">
            {mayPublish && (
              <button
                type="button"
                disabled={busy !== null}
                onClick={() => void publish()}
                className={`${smallButton} border-green-700 bg-green-700 text-white hover:bg-green-800 dark:hover:bg-green-800`}
              >
                {busy === "publish" ? "Publishing…" : "Publish"}
              </button>
            )}
            {mayEdit && (
              <button type="button" onClick={onEdit} className={smallButton}>
                Edit
              </button>
            )}
            {mayPin && (
              <button type="button" disabled={busy !== null} onClick={() => void togglePin()} className={smallButton}>
                {entry.pinned ? "Unpin" : "Pin"}
              </button>
            )}
            {mayEdit && (
              <button
                type="button"
                aria-pressed={entry.keyEvent}
                disabled={busy !== null}
                onClick={() => void toggleKeyEvent()}
                className={smallButton}
              >
                Key event
              </button>
            )}
            {mayReadHistory && (
              <button type="button" onClick={() => setOpen("history")} className={smallButton}>
                History
              </button>
            )}
            {mayCorrect && (
              <button
                type="button"
                aria-expanded={open === "correction"}
                onClick={() => setOpen(open === "correction" ? null : "correction")}
                className={smallButton}
              >
                Add correction
              </button>
            )}
            {mayDelete && (
              <button
                type="button"
                disabled={busy !== null}
                onClick={() => dialogRef.current?.showModal()}
                className={`${smallButton} text-red-700 dark:text-red-400`}
              >
                Delete
              </button>
            )}
            {showMore}
          </div>
        </>
      )}
      {open === "correction" && mayCorrect && !editing && (
        <CorrectionForm entryPath={entryPath} onSaved={onChanged} onClose={() => setOpen(null)} />
      )}
      {open === "history" && (
        <EntryHistory
          slug={blog.slug}
          entry={entry}
          mayRestore={mayEdit && !editing}
          onRestored={onChanged}
          onClose={() => setOpen(null)}
        />
      )}
      {error && (
        <p role="alert" className="mt-2 text-xs text-red-700 dark:text-red-400">
          {error}
        </p>
      )}

      {mayDelete && (
        <dialog
          ref={dialogRef}
          aria-labelledby={`delete-${entry.id}-title`}
          className="m-auto max-w-sm rounded-lg p-4 shadow-xl backdrop:bg-black/40 dark:bg-neutral-900 dark:text-neutral-100"
        >
          <h4 id={`delete-${entry.id}-title`} className="font-bold">
            Delete this entry?
          </h4>
          <p className="mt-2 text-sm">
            “
            {entry.headline ??
              entry.body
                .replace(/<[^>]+>/g, " ")
                .trim()
                .slice(0, 80)}
            ”
            {entry.status === "PUBLISHED"
              ? " disappears from the live page at once."
              : " is removed from the newsroom."}
          </p>
          <div className="mt-4 flex justify-end gap-2">
            <button
              type="button"
              autoFocus
              onClick={() => dialogRef.current?.close()}
              className={buttonStyles.secondary}
            >
              Cancel
            </button>
            <button type="button" onClick={() => void remove()} className={buttonStyles.danger}>
              Delete entry
            </button>
          </div>
        </dialog>
      )}
    </article>
  );
}
