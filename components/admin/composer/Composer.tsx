"use client";
// Writes a new entry or edits an existing one. Every keystroke is kept in localStorage; an existing draft
// is also saved to the server ~2 s after typing stops. A stale save never overwrites: it opens the conflict panel.
import { useCallback, useEffect, useId, useMemo, useRef, useState } from "react";
import { EditorContent, useEditor } from "@tiptap/react";
import {
  ENTRY_LABELS,
  isEntryLabel,
  type BlogStatus,
  type ContributorDTO,
  type EntryDTO,
} from "@/common/contracts/dto";
import type { CreateEntryRequest, UpdateEntryRequest } from "@/common/contracts/schemas";
import { can, type Actor } from "@/common/permissions";
import { apiRequest, ApiError } from "@/components/admin/api-request";
import { FormField } from "@/components/admin/FormField";
import { buttonStyles, inputStyles, labelStyles } from "@/components/admin/styles";
import { EntryArticle } from "@/components/feed/EntryArticle";
import { EMBED_STYLES } from "@/components/feed/EntryText";
import { cleanPastedHtml } from "./clean-pasted-html";
import { ConflictPanel } from "./ConflictPanel";
import {
  clearDraft,
  draftKey,
  isBlankBody,
  newPublishKey,
  readDraft,
  sameFields,
  writeDraft,
  type ComposerFields,
} from "./draft-storage";
import { bodyHtml, composerExtensions, insertBlock } from "./editor-extensions";
import { EmbedInserter } from "./EmbedInserter";
import { ImageInserter } from "./ImageInserter";
import { Toolbar } from "./Toolbar";

const AUTOSAVE_DELAY_MS = 2_000;

type Intent =
  | { kind: "draft" }
  | { kind: "publish" }
  | { kind: "schedule"; scheduledAt: string }
  /** Edit mode: save the text, keep the status. */
  | { kind: "save" }
  /** Edit mode, drafts only: the debounced server copy; the editor stays open. */
  | { kind: "autosave" };

interface Conflict {
  mine: ComposerFields;
  theirs: EntryDTO;
  intent: Intent;
}

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
}

function fieldsOf(entry: EntryDTO): ComposerFields {
  return {
    headline: entry.headline ?? "",
    body: entry.body,
    label: entry.label ?? "",
    keyEvent: entry.keyEvent,
    authorId: entry.author.id,
  };
}

function emptyFields(actor: Actor): ComposerFields {
  return { headline: "", body: "", label: "", keyEvent: false, authorId: actor.id };
}

const timeOf = (iso: string) => new Date(iso).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });

const publishKeyOf = (key: string | null) => (key ? { publishKey: key } : {});

/** "2026-11-26T14:05:09" in the browser's zone, for a datetime-local input's min. */
function localInputValue(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}

export function Composer({ blog, actor, contributors, entry, onSaved, onClose }: ComposerProps) {
  const id = useId();
  const storageKey = draftKey(blog.slug, entry?.id ?? null);
  // Only a different entry resets the form; newer copies of the same entry (colleagues, autosave) must not.
  const initialFields = useMemo(() => (entry ? fieldsOf(entry) : emptyFields(actor)), [entry?.id]);

  const [fields, setFields] = useState<ComposerFields>(initialFields);
  const fieldsRef = useRef(fields);
  fieldsRef.current = fields;
  /** What the server holds (for a new entry: the empty form); local copies equal to it are not kept. */
  const serverFieldsRef = useRef<ComposerFields>(initialFields);
  const baseVersionRef = useRef<number | null>(entry?.version ?? null);
  /** A new entry's Idempotency-Key, from its first publish attempt until the server has answered it. */
  const publishKeyRef = useRef<string | null>(null);
  const [serverStatus, setServerStatus] = useState(entry?.status ?? null);

  const [ready, setReady] = useState(false);
  const [restored, setRestored] = useState(false);
  const [busy, setBusy] = useState<Intent["kind"] | null>(null);
  const busyRef = useRef(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [previewing, setPreviewing] = useState(false);
  const [previewTime, setPreviewTime] = useState(() => new Date().toISOString());
  const [scheduleOpen, setScheduleOpen] = useState(false);
  const [scheduleValue, setScheduleValue] = useState("");
  const [scheduleError, setScheduleError] = useState<string | null>(null);

  const editing = entry !== undefined;
  // Built once: a new extension list would make TipTap build a new editor.
  const extensions = useMemo(() => composerExtensions(editing ? "Edit the update…" : "Write the update…"), [editing]);
  const editor = useEditor({
    extensions,
    content: initialFields.body,
    immediatelyRender: false,
    editorProps: {
      attributes: {
        "aria-label": "Entry text",
        "aria-multiline": "true",
        role: "textbox",
        class: `entry-body min-h-40 px-3 py-2 focus:outline-none [&_.is-editor-empty:first-child]:before:pointer-events-none [&_.is-editor-empty:first-child]:before:float-left [&_.is-editor-empty:first-child]:before:h-0 [&_.is-editor-empty:first-child]:before:text-neutral-400 [&_.is-editor-empty:first-child]:before:content-[attr(data-placeholder)] [&_.ProseMirror-selectednode]:outline-2 [&_.ProseMirror-selectednode]:outline-blue-600 ${EMBED_STYLES}`,
      },
      transformPastedHTML: cleanPastedHtml,
    },
    onUpdate: ({ editor: current }) => {
      const body = bodyHtml(current);
      setFields((previous) => (previous.body === body ? previous : { ...previous, body }));
    },
  });

  // Once the editor exists: normalize the server copy to the editor's HTML, then bring back unsaved text.
  useEffect(() => {
    if (!editor || ready) return;
    serverFieldsRef.current = { ...initialFields, body: isBlankBody(initialFields.body) ? "" : bodyHtml(editor) };
    const stored = readDraft(storageKey);
    if (stored && !sameFields(stored.fields, serverFieldsRef.current)) {
      editor.commands.setContent(stored.fields.body, { emitUpdate: false });
      const authorId = can(actor, "entry:post-as-other") ? stored.fields.authorId : actor.id;
      setFields({ ...stored.fields, authorId, body: bodyHtml(editor) });
      if (entry && stored.baseVersion !== null) baseVersionRef.current = stored.baseVersion;
      if (!entry) publishKeyRef.current = stored.publishKey ?? null;
      setRestored(true);
    } else {
      if (stored) clearDraft(storageKey);
      setFields(serverFieldsRef.current);
    }
    setReady(true);
  }, [editor, ready, initialFields, storageKey, entry, actor]);

  // Every change goes to localStorage at once.
  useEffect(() => {
    if (!ready) return;
    const unchanged =
      sameFields(fields, serverFieldsRef.current) ||
      (isBlankBody(fields.body) && sameFields({ ...fields, body: "" }, serverFieldsRef.current));
    if (unchanged) clearDraft(storageKey);
    else
      writeDraft(storageKey, {
        fields,
        baseVersion: baseVersionRef.current,
        ...publishKeyOf(publishKeyRef.current),
        savedAt: new Date().toISOString(),
      });
  }, [fields, ready, storageKey]);

  const authorName =
    contributors.find((contributor) => contributor.id === fields.authorId)?.name ??
    (entry && entry.author.id === fields.authorId ? entry.author.name : fields.authorId === actor.id ? actor.name : "");

  const asEntry = useCallback(
    (source: ComposerFields, time: string): EntryDTO => ({
      id: entry?.id ?? "new",
      blog: blog.slug,
      headline: source.headline.trim() || null,
      body: source.body,
      author: { id: source.authorId, name: authorName },
      status: "PUBLISHED",
      publishedAt: entry?.publishedAt ?? time,
      scheduledAt: null,
      editedAt: entry?.status === "PUBLISHED" ? time : null,
      pinned: entry?.pinned ?? false,
      keyEvent: source.keyEvent,
      label: source.label || null,
      version: baseVersionRef.current ?? 1,
      createdAt: entry?.createdAt ?? time,
      updatedAt: time,
    }),
    [entry, blog.slug, authorName],
  );

  const resetToEmpty = () => {
    const empty = emptyFields(actor);
    editor?.commands.clearContent(false);
    serverFieldsRef.current = empty;
    setFields(empty);
    clearDraft(storageKey);
    publishKeyRef.current = null;
    setRestored(false);
    setPreviewing(false);
    setScheduleOpen(false);
    setScheduleValue("");
  };

  const save = async (intent: Intent, version?: number) => {
    if (busyRef.current || !editor) return;
    const sent = { ...fieldsRef.current, body: bodyHtml(editor) };
    if (isBlankBody(sent.body)) {
      if (intent.kind !== "autosave") setError("Write something before saving.");
      return;
    }
    busyRef.current = true;
    setBusy(intent.kind);
    setError(null);
    if (intent.kind !== "autosave") setNotice(null);
    const status =
      intent.kind === "draft"
        ? "DRAFT"
        : intent.kind === "publish"
          ? "PUBLISHED"
          : intent.kind === "schedule"
            ? "SCHEDULED"
            : undefined;
    const scheduledAt = intent.kind === "schedule" ? intent.scheduledAt : undefined;
    try {
      if (!entry) {
        const payload: CreateEntryRequest = {
          headline: sent.headline.trim() || null,
          body: sent.body,
          status: status ?? "PUBLISHED",
          keyEvent: sent.keyEvent,
          label: sent.label || null,
          ...(scheduledAt ? { scheduledAt } : {}),
          ...(sent.authorId !== actor.id ? { authorId: sent.authorId } : {}),
        };
        // One key per composed entry, stored with the draft before sending: whatever happens to this request,
        // trying again (now, after a reload, or a double click) cannot publish the entry twice.
        const publishKey = (publishKeyRef.current ??= newPublishKey());
        writeDraft(storageKey, {
          fields: fieldsRef.current,
          baseVersion: null,
          publishKey,
          savedAt: new Date().toISOString(),
        });
        const answer = await apiRequest<{ entry: EntryDTO }>(
          "POST",
          `/api/blogs/${encodeURIComponent(blog.slug)}/entries`,
          payload,
          {
            headers: { "idempotency-key": publishKey },
          },
        );
        onSaved(answer.entry);
        resetToEmpty();
        setNotice(
          answer.entry.status === "PUBLISHED"
            ? "Published."
            : answer.entry.status === "SCHEDULED"
              ? `Scheduled for ${timeOf(answer.entry.scheduledAt ?? scheduledAt!)}.`
              : "Draft saved.",
        );
        return;
      }
      // A label stored before the list was enforced is kept by not naming it; the server would refuse it.
      const keepsStoredLabel =
        sent.label !== "" && !isEntryLabel(sent.label) && sent.label === serverFieldsRef.current.label;
      const payload: UpdateEntryRequest = {
        version: version ?? baseVersionRef.current ?? entry.version,
        headline: sent.headline.trim() || null,
        body: sent.body,
        keyEvent: sent.keyEvent,
        ...(keepsStoredLabel ? {} : { label: sent.label || null }),
        ...(status ? { status } : {}),
        ...(status === "SCHEDULED" ? { scheduledAt } : {}),
      };
      const answer = await apiRequest<{ entry: EntryDTO }>(
        "PATCH",
        `/api/blogs/${encodeURIComponent(blog.slug)}/entries/${encodeURIComponent(entry.id)}`,
        payload,
      );
      baseVersionRef.current = answer.entry.version;
      serverFieldsRef.current = sent;
      setServerStatus(answer.entry.status);
      onSaved(answer.entry);
      if (intent.kind === "autosave") {
        // Typing may have gone on during the request: keep that, now based on the new version.
        if (sameFields(fieldsRef.current, sent)) clearDraft(storageKey);
        else
          writeDraft(storageKey, {
            fields: fieldsRef.current,
            baseVersion: answer.entry.version,
            savedAt: new Date().toISOString(),
          });
        setNotice(`Draft saved at ${new Date().toLocaleTimeString()}.`);
      } else {
        clearDraft(storageKey);
        onClose?.();
      }
    } catch (caught) {
      if (caught instanceof ApiError && caught.status === 409 && caught.details.current) {
        setConflict({ mine: sent, theirs: caught.details.current as EntryDTO, intent });
      } else if (caught instanceof ApiError) {
        // 422: this key already published the text as it was before the last change; a new key publishes this one.
        if (caught.status === 422 && !entry) publishKeyRef.current = null;
        setError(caught.message);
      } else {
        setError("Could not reach the server. Your text is kept in this browser; try again when you are back online.");
      }
    } finally {
      busyRef.current = false;
      setBusy(null);
    }
  };
  const saveRef = useRef(save);
  saveRef.current = save;

  // An existing draft is saved to the server a moment after typing stops.
  useEffect(() => {
    if (!entry || serverStatus !== "DRAFT" || !ready || conflict || busy) return;
    if (sameFields(fields, serverFieldsRef.current) || isBlankBody(fields.body)) return;
    const timer = setTimeout(() => void saveRef.current({ kind: "autosave" }), AUTOSAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [entry, serverStatus, ready, conflict, busy, fields]);

  const keepMine = () => {
    if (!conflict) return;
    const { theirs, intent } = conflict;
    setConflict(null);
    void save(intent, theirs.version);
  };

  const takeTheirs = () => {
    if (!conflict || !editor) return;
    const { theirs } = conflict;
    editor.commands.setContent(theirs.body, { emitUpdate: false });
    const next = { ...fieldsOf(theirs), body: bodyHtml(editor) };
    baseVersionRef.current = theirs.version;
    serverFieldsRef.current = next;
    setServerStatus(theirs.status);
    setFields(next);
    clearDraft(storageKey);
    setConflict(null);
    setRestored(false);
    onSaved(theirs);
  };

  const discardRestored = () => {
    if (!editor) return;
    editor.commands.setContent(serverFieldsRef.current.body, { emitUpdate: false });
    setFields(serverFieldsRef.current);
    clearDraft(storageKey);
    setRestored(false);
  };

  const openSchedule = () => {
    setScheduleOpen(true);
    setScheduleError(null);
    if (!scheduleValue) setScheduleValue(localInputValue(new Date(Date.now() + 60 * 60_000)).slice(0, 16));
  };

  const confirmSchedule = () => {
    const when = new Date(scheduleValue); // datetime-local has no zone: it is read in the browser's zone
    if (!scheduleValue || Number.isNaN(when.getTime())) return setScheduleError("Pick a date and time.");
    if (when.getTime() <= Date.now()) return setScheduleError("Pick a time in the future.");
    setScheduleError(null);
    void save({ kind: "schedule", scheduledAt: when.toISOString() }).then(() => {
      if (!busyRef.current) setScheduleOpen(false);
    });
  };

  const mayPickAuthor = !entry && can(actor, "entry:post-as-other");
  const ended = !entry && blog.status === "ENDED";
  const disabled = busy !== null || conflict !== null || !editor;
  const isNew = !entry;
  const status = serverStatus;

  return (
    <section
      aria-label={isNew ? "New entry" : `Edit entry${entry?.headline ? `: ${entry.headline}` : ""}`}
      data-testid={isNew ? "composer" : "entry-editor"}
      className="space-y-3"
    >
      {restored && (
        <p
          role="status"
          className="flex flex-wrap items-center gap-2 rounded bg-blue-50 px-3 py-2 text-blue-900 dark:bg-blue-950 dark:text-blue-100"
        >
          Restored your unsaved draft.
          <button type="button" onClick={discardRestored} className={buttonStyles.link}>
            Discard it
          </button>
        </p>
      )}
      {ended && (
        <p className="rounded bg-neutral-100 px-3 py-2 dark:bg-neutral-900">
          This blog has ended. Reopen it in its settings to add entries.
        </p>
      )}

      <FormField htmlFor={`${id}-headline`} label="Headline (optional)">
        <input
          id={`${id}-headline`}
          value={fields.headline}
          maxLength={300}
          onChange={(event) => setFields((previous) => ({ ...previous, headline: event.target.value }))}
          className={`${inputStyles} text-base font-semibold`}
        />
      </FormField>

      <div className="flex flex-wrap items-end gap-3">
        <FormField htmlFor={`${id}-label`} label="Label">
          <select
            id={`${id}-label`}
            value={fields.label}
            onChange={(event) => setFields((previous) => ({ ...previous, label: event.target.value }))}
            className={inputStyles}
          >
            <option value="">None</option>
            {ENTRY_LABELS.map((label) => (
              <option key={label} value={label}>
                {label}
              </option>
            ))}
            {fields.label && !isEntryLabel(fields.label) && <option value={fields.label}>{fields.label}</option>}
          </select>
        </FormField>
        <label className="flex items-center gap-2 py-1.5">
          <input
            type="checkbox"
            checked={fields.keyEvent}
            onChange={(event) => setFields((previous) => ({ ...previous, keyEvent: event.target.checked }))}
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
                onChange={(event) => setFields((previous) => ({ ...previous, authorId: event.target.value }))}
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
              By <span className="font-medium">{entry ? entry.author.name : actor.name}</span>
            </p>
          )}
        </div>
      </div>

      {conflict && (
        <ConflictPanel
          mine={asEntry(conflict.mine, conflict.theirs.updatedAt)}
          theirs={conflict.theirs}
          busy={busy !== null}
          onKeepMine={keepMine}
          onTakeTheirs={takeTheirs}
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
            entry={asEntry({ ...fields, body: editor ? bodyHtml(editor) : fields.body }, previewTime)}
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
          onClick={() => {
            setPreviewTime(new Date().toISOString());
            setPreviewing((value) => !value);
          }}
          className={buttonStyles.secondary}
        >
          Preview
        </button>
        <span className="flex-1" />
        {(isNew || status === "DRAFT" || status === "SCHEDULED") && (
          <>
            {status === "SCHEDULED" && (
              <button
                type="button"
                disabled={disabled}
                onClick={() => void save({ kind: "save" })}
                className={buttonStyles.secondary}
              >
                {busy === "save" ? "Saving…" : "Save"}
              </button>
            )}
            <button
              type="button"
              disabled={disabled || ended}
              onClick={() => void save({ kind: "draft" })}
              className={buttonStyles.secondary}
            >
              {busy === "draft" ? "Saving…" : status === "SCHEDULED" ? "Move to drafts" : "Save draft"}
            </button>
            <button
              type="button"
              disabled={disabled || ended}
              aria-expanded={scheduleOpen}
              onClick={() => (scheduleOpen ? setScheduleOpen(false) : openSchedule())}
              className={buttonStyles.secondary}
            >
              Schedule…
            </button>
            <button
              type="button"
              disabled={disabled || ended}
              onClick={() => void save({ kind: "publish" })}
              className={buttonStyles.primary}
            >
              {busy === "publish" ? "Publishing…" : "Publish now"}
            </button>
          </>
        )}
        {status === "PUBLISHED" && (
          <button
            type="button"
            disabled={disabled}
            onClick={() => void save({ kind: "save" })}
            className={buttonStyles.primary}
          >
            {busy === "save" ? "Saving…" : "Save changes"}
          </button>
        )}
        {onClose && (
          <button
            type="button"
            disabled={busy !== null && busy !== "autosave"}
            onClick={() => {
              const dirty = !sameFields(fieldsRef.current, serverFieldsRef.current);
              if (dirty && !window.confirm("Close the editor and discard your unsaved changes?")) return;
              clearDraft(storageKey);
              onClose();
            }}
            className={buttonStyles.secondary}
          >
            Close
          </button>
        )}
      </div>

      {scheduleOpen && (
        <div
          role="group"
          aria-label="Schedule"
          className="flex flex-wrap items-end gap-2 rounded border border-neutral-300 p-2 dark:border-neutral-700"
        >
          <FormField htmlFor={`${id}-schedule`} label="Publish at (your time)">
            <input
              id={`${id}-schedule`}
              type="datetime-local"
              step={1}
              min={localInputValue(new Date())}
              value={scheduleValue}
              aria-invalid={scheduleError ? true : undefined}
              onChange={(event) => setScheduleValue(event.target.value)}
              className={inputStyles}
            />
          </FormField>
          <button type="button" disabled={disabled} onClick={confirmSchedule} className={buttonStyles.primary}>
            {busy === "schedule" ? "Scheduling…" : "Schedule"}
          </button>
          {scheduleError && (
            <p role="alert" className="w-full text-xs text-red-700 dark:text-red-400">
              {scheduleError}
            </p>
          )}
        </div>
      )}

      {error && (
        <p role="alert" className="rounded bg-red-50 px-3 py-2 text-red-800 dark:bg-red-950 dark:text-red-200">
          {error}
        </p>
      )}
      <p role="status" className="min-h-5 text-neutral-600 dark:text-neutral-400">
        {busy === "autosave" ? "Saving draft…" : notice}
      </p>
    </section>
  );
}
