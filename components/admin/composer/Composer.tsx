"use client";
// Writes a new entry or edits an existing one: the form around the editor. What it does (local copies, autosave,
// idempotent publishing, conflicts) lives in use-composer.ts and composer-state.ts.
import { useId, useState, type KeyboardEvent } from "react";
import { EditorContent } from "@tiptap/react";
import type { BlogLabelDTO, BlogStatus, ContributorDTO, EntryDTO } from "@/common/contracts/dto";
import { can, type Actor } from "@/common/permissions";
import { buttonStyles } from "@/components/admin/styles";
import { EntryArticle } from "@/components/feed/EntryArticle";
import { EditorPresence, type EditorColleagues } from "@/components/admin/presence/EditorPresence";
import { ConflictPanel } from "./ConflictPanel";
import { bodyHtml, insertBlock } from "./editor-extensions";
import { EmbedInserter } from "./EmbedInserter";
import { EntryMetaFields } from "./EntryMetaFields";
import { ImageInserter } from "./ImageInserter";
import { PublishedUndo } from "./PublishedUndo";
import { previewEntry } from "./save-requests";
import { ScheduleFields } from "./ScheduleFields";
import { Toolbar } from "./Toolbar";
import { useComposer } from "./use-composer";

export interface ComposerProps {
  blog: { slug: string; status: BlogStatus };
  actor: Actor;
  /** Who an editor may name as the author (empty until loaded, or for journalists). */
  contributors: ContributorDTO[];
  /** The entry being edited; without it the composer creates entries. */
  entry?: EntryDTO;
  onSaved: (entry: EntryDTO) => void;
  /** Edit mode: close the editor (after a save, or Cancel). */
  onClose?: () => void;
  /** Edit mode: colleagues with this entry open, and their saves of it since it was opened here. */
  colleagues?: EditorColleagues;
  /** The blog's labels, for the picker (empty until loaded). */
  labels?: readonly BlogLabelDTO[];
  /** A new entry was deleted from here (Undo after publishing). */
  onRemoved?: (id: string) => void;
}

/** Ctrl+Enter (Cmd+Enter on a Mac) publishes, or saves an entry already published. */
function isSubmitShortcut(event: KeyboardEvent): boolean {
  return event.key === "Enter" && (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey;
}

export function Composer({
  blog,
  actor,
  contributors,
  entry,
  onSaved,
  onClose,
  colleagues,
  labels = [],
  onRemoved,
}: ComposerProps) {
  const id = useId();
  // A new entry just published from here, which Undo may still delete.
  const [justPublished, setJustPublished] = useState<EntryDTO | null>(null);
  const saved = (answer: EntryDTO) => {
    onSaved(answer);
    if (!entry) setJustPublished(answer.status === "PUBLISHED" ? answer : null);
  };
  const composer = useComposer({ blog, actor, entry, onSaved: saved, onClose });
  const { state, editor } = composer;
  const { fields, busy, conflict, previewing, schedule, serverStatus: status } = state;

  const authorName =
    contributors.find((contributor) => contributor.id === fields.authorId)?.name ??
    (entry && entry.author.id === fields.authorId ? entry.author.name : fields.authorId === actor.id ? actor.name : "");
  const labelColour = labels.find((label) => label.name === fields.label)?.colour ?? null;
  const asEntry = (source: typeof fields, time: string) =>
    previewEntry(source, { slug: blog.slug, entry, authorName, version: state.baseVersion, time, labelColour });

  const mayPickAuthor = !entry && can(actor, "entry:post-as-other");
  // Contributors submit for review instead of publishing or scheduling.
  const mayPublish = can(actor, "entry:publish");
  const ended = !entry && blog.status === "ENDED";
  const disabled = busy !== null || conflict !== null || !editor;
  const isNew = !entry;
  const publishes = isNew || status === "DRAFT" || status === "SCHEDULED";
  const submitWithShortcut = (event: KeyboardEvent) => {
    if (!isSubmitShortcut(event)) return;
    event.preventDefault();
    if (disabled || (publishes && ended)) return;
    // A contributor's shortcut submits for review, as their primary button does.
    const submits = !mayPublish && (isNew || status === "DRAFT" || status === "RETURNED");
    composer.save({ kind: submits ? "submit" : publishes ? "publish" : "save" });
  };

  return (
    <section
      aria-label={isNew ? "New entry" : `Edit entry${entry?.headline ? `: ${entry.headline}` : ""}`}
      data-testid={isNew ? "composer" : "entry-editor"}
      className="space-y-3"
      onKeyDown={submitWithShortcut}
    >
      {colleagues && <EditorPresence {...colleagues} />}
      {state.restored && (
        <p
          role="status"
          className="flex flex-wrap items-center gap-2 rounded bg-blue-50 px-3 py-2 text-blue-900 dark:bg-blue-950 dark:text-blue-100"
        >
          Restored your unsaved draft.
          <button type="button" onClick={composer.discardRestored} className={buttonStyles.link}>
            Discard it
          </button>
        </p>
      )}
      {ended && (
        <p className="rounded bg-neutral-100 px-3 py-2 dark:bg-neutral-900">
          This blog has ended. Reopen it in its settings to add entries.
        </p>
      )}

      {/* Until the page is hydrated (the editor exists only then), what is typed would be reset by React: the
          fields open when typing into them counts. */}
      <fieldset disabled={!editor} className="contents">
        <EntryMetaFields
          id={id}
          fields={fields}
          onChange={composer.changeFields}
          actor={actor}
          contributors={contributors}
          mayPickAuthor={mayPickAuthor}
          authorName={entry ? entry.author.name : actor.name}
          labels={labels}
        />
      </fieldset>

      {conflict && (
        <ConflictPanel
          conflict={conflict}
          busy={busy !== null}
          onResolve={composer.resolveConflict}
          onTakeTheirs={composer.takeTheirs}
        />
      )}

      <div
        hidden={previewing}
        className="rounded border border-neutral-300 bg-white dark:border-neutral-700 dark:bg-neutral-900"
      >
        {editor && <Toolbar editor={editor} />}
        <EditorContent editor={editor} />
        {!editor && <div className="min-h-40 px-3 py-2 text-neutral-400">Loading the editor…</div>}
      </div>
      {previewing && (
        <div
          data-testid="preview"
          aria-label="Preview as readers will see it"
          role="region"
          className="rounded border border-dashed border-neutral-400 bg-white px-3 dark:bg-neutral-950"
        >
          <EntryArticle
            entry={asEntry({ ...fields, body: editor ? bodyHtml(editor) : fields.body }, state.previewTime)}
            preview
          />
        </div>
      )}

      {!previewing && editor && (
        <div className="flex flex-wrap items-start gap-2">
          <ImageInserter onInsert={(image) => insertBlock(editor, { type: "imageFigure", attrs: image })} />
          <EmbedInserter onInsert={(embed) => insertBlock(editor, { type: "embed", attrs: embed })} />
        </div>
      )}

      <div className="flex flex-wrap items-center gap-2 border-t border-neutral-200 pt-3 dark:border-neutral-800">
        <button
          type="button"
          aria-pressed={previewing}
          onClick={composer.togglePreview}
          className={buttonStyles.secondary}
        >
          Preview
        </button>
        <span className="flex-1" />
        {mayPublish && publishes && (
          <>
            {status === "SCHEDULED" && (
              <button
                type="button"
                disabled={disabled}
                onClick={() => composer.save({ kind: "save" })}
                className={buttonStyles.secondary}
              >
                {busy === "save" ? "Saving…" : "Save"}
              </button>
            )}
            <button
              type="button"
              disabled={disabled || ended}
              onClick={() => composer.save({ kind: "draft" })}
              className={buttonStyles.secondary}
            >
              {busy === "draft" ? "Saving…" : status === "SCHEDULED" ? "Move to drafts" : "Save draft"}
            </button>
            <button
              type="button"
              disabled={disabled || ended}
              aria-expanded={schedule.open}
              onClick={composer.toggleSchedule}
              className={buttonStyles.secondary}
            >
              Schedule…
            </button>
            <button
              type="button"
              disabled={disabled || ended}
              onClick={() => composer.save({ kind: "publish" })}
              aria-keyshortcuts="Control+Enter Meta+Enter"
              title="Ctrl+Enter (⌘+Enter)"
              className={buttonStyles.primary}
            >
              {busy === "publish" ? "Publishing…" : "Publish now"}
            </button>
          </>
        )}
        {!mayPublish && (isNew || status === "DRAFT" || status === "RETURNED") && (
          <>
            <button
              type="button"
              disabled={disabled || ended}
              onClick={() => composer.save({ kind: status === "RETURNED" ? "save" : "draft" })}
              className={buttonStyles.secondary}
            >
              {busy === "draft" || busy === "save" ? "Saving…" : status === "RETURNED" ? "Save" : "Save draft"}
            </button>
            <button
              type="button"
              disabled={disabled || ended}
              onClick={() => composer.save({ kind: "submit" })}
              className={buttonStyles.primary}
            >
              {busy === "submit" ? "Submitting…" : status === "RETURNED" ? "Resubmit" : "Submit for review"}
            </button>
          </>
        )}
        {(status === "PUBLISHED" ||
          status === "SUBMITTED" ||
          (mayPublish && (status === "RETURNED" || status === "REJECTED"))) && (
          <button
            type="button"
            disabled={disabled}
            onClick={() => composer.save({ kind: "save" })}
            className={buttonStyles.primary}
          >
            {busy === "save" ? "Saving…" : "Save changes"}
          </button>
        )}
        {onClose && (
          <button
            type="button"
            disabled={busy !== null && busy !== "autosave"}
            onClick={composer.close}
            className={buttonStyles.secondary}
          >
            Close
          </button>
        )}
      </div>

      {schedule.open && (
        <ScheduleFields
          id={id}
          value={schedule.value}
          error={schedule.error}
          disabled={disabled}
          scheduling={busy === "schedule"}
          onChange={composer.changeSchedule}
          onConfirm={composer.confirmSchedule}
        />
      )}

      {state.error && (
        <p role="alert" className="rounded bg-red-50 px-3 py-2 text-red-800 dark:bg-red-950 dark:text-red-200">
          {state.error}
        </p>
      )}
      {justPublished ? (
        <PublishedUndo
          key={justPublished.id}
          entry={justPublished}
          onDone={() => setJustPublished(null)}
          onRemoved={(removed) => {
            setJustPublished(null);
            onRemoved?.(removed);
          }}
        />
      ) : (
        <p role="status" className="min-h-5 text-neutral-600 dark:text-neutral-400">
          {busy === "autosave" ? "Saving draft…" : state.notice}
        </p>
      )}
    </section>
  );
}
