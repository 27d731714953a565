"use client";
// The composer's behaviour: its state (composer-state.ts) joined to the TipTap editor, the API and localStorage.
// Every keystroke is kept in localStorage; an existing draft is also saved to the server ~2 s after typing stops.
// A stale save never overwrites: it is merged with the colleague's version (three-way, from the version this editor
// started from), and saved when nothing collides; otherwise the merge panel asks, field by field.
import { useEffect, useEffectEvent, useMemo, useReducer, useRef, useState } from "react";
import { useEditor, type Editor } from "@tiptap/react";
import type { BlogStatus, EntryDTO } from "@/common/contracts/dto";
import { can, type Actor } from "@/common/permissions";
import { apiRequest } from "@/components/admin/api-request";
import { EMBED_STYLES } from "@/components/feed/EntryText";
import { cleanPastedHtml } from "./clean-pasted-html";
import {
  composerReducer,
  draftToStore,
  initialComposerState,
  wantsAutosave,
  type ComposerFieldsChange,
  type ComposerState,
  type Intent,
} from "./composer-state";
import { fieldsOf, isBlankBody, sameFields, type ComposerFields } from "./composer-fields";
import { resolveMerge, type MergeChoices } from "@/common/three-way-merge";
import { clearDraft, draftKey, newPublishKey, readDraft, writeDraft } from "./draft-storage";
import { asEditorWrites, bodyHtml, composerExtensions } from "./editor-extensions";
import { conflictOutcome, createdNotice, createRequest, saveFailure, updateRequest } from "./save-requests";
import { defaultScheduleValue, scheduledAtFrom } from "./schedule-time";

const AUTOSAVE_DELAY_MS = 2_000;
/** Merged saves sent in a row when colleagues keep saving in between; past it the writer is asked. */
const MAX_MERGE_ATTEMPTS = 3;

/** A merge to send on a colleague's version (`theirs`, as fields `server`). */
type Rebase = { theirs: EntryDTO; server: ComposerFields; fields: ComposerFields; notice: string | null };

const EDITOR_CLASS = `entry-body min-h-40 px-3 py-2 focus:outline-none [&_.is-editor-empty:first-child]:before:pointer-events-none [&_.is-editor-empty:first-child]:before:float-left [&_.is-editor-empty:first-child]:before:h-0 [&_.is-editor-empty:first-child]:before:text-neutral-400 [&_.is-editor-empty:first-child]:before:content-[attr(data-placeholder)] [&_.ProseMirror-selectednode]:outline-2 [&_.ProseMirror-selectednode]:outline-blue-600 ${EMBED_STYLES}`;

export interface ComposerOptions {
  blog: { slug: string; status: BlogStatus };
  actor: Actor;
  /** The entry being edited (one composer per entry: its parent keys it); without it the composer creates entries. */
  entry?: EntryDTO;
  onSaved: (entry: EntryDTO) => void;
  /** Edit mode: close the editor (after a save, or Cancel). */
  onClose?: () => void;
}

export interface ComposerControls {
  state: ComposerState;
  editor: Editor | null;
  changeFields: (change: ComposerFieldsChange) => void;
  save: (intent: Intent) => void;
  /** Saves the merge with the writer's choice for each conflicting field (and stretch of the body). */
  resolveConflict: (choices: MergeChoices) => void;
  takeTheirs: () => void;
  discardRestored: () => void;
  togglePreview: () => void;
  toggleSchedule: () => void;
  changeSchedule: (value: string) => void;
  confirmSchedule: () => void;
  /** Edit mode: close the editor, after asking when unsaved changes would be lost. */
  close: () => void;
}

export function useComposer({ blog, actor, entry, onSaved, onClose }: ComposerOptions): ComposerControls {
  const storageKey = draftKey(blog.slug, entry?.id ?? null);
  const [state, dispatch] = useReducer(composerReducer, null, () =>
    initialComposerState(actor.id, entry, new Date().toISOString()),
  );
  const [initialBody] = useState(state.fields.body);
  /** A save is on its way (set before React renders it as busy, so a double click sends one). */
  const inFlight = useRef(false);

  // Once the editor is up: the server copy as the editor writes it, then any unsaved text brought back.
  const load = (created: Editor) => {
    if (state.ready) return;
    const server = { ...state.server, body: isBlankBody(state.server.body) ? "" : bodyHtml(created) };
    const stored = readDraft(storageKey);
    const restoring = stored !== null && !sameFields(stored.fields, server);
    if (restoring) created.commands.setContent(stored.fields.body, { emitUpdate: false });
    else if (stored) clearDraft(storageKey);
    dispatch({
      type: "loaded",
      server,
      stored: restoring ? { ...stored, fields: { ...stored.fields, body: bodyHtml(created) } } : null,
      mayPostAsOther: can(actor, "entry:post-as-other"),
    });
  };

  const editing = entry !== undefined;
  // Built once: a new extension list would make TipTap build a new editor.
  const extensions = useMemo(() => composerExtensions(editing ? "Edit the update…" : "Write the update…"), [editing]);
  const editor = useEditor({
    extensions,
    content: initialBody,
    immediatelyRender: false,
    editorProps: {
      attributes: { "aria-label": "Entry text", "aria-multiline": "true", role: "textbox", class: EDITOR_CLASS },
      transformPastedHTML: cleanPastedHtml,
    },
    onCreate: ({ editor: created }) => load(created),
    onUpdate: ({ editor: current }) => dispatch({ type: "body-changed", body: bodyHtml(current) }),
  });

  // Every change goes to localStorage at once (and a copy equal to the server's is dropped).
  const { ready, fields, server, baseVersion, publishKey } = state;
  useEffect(() => {
    if (!ready) return;
    const draft = draftToStore({ fields, server, baseVersion, publishKey }, new Date().toISOString());
    if (draft) writeDraft(storageKey, draft);
    else clearDraft(storageKey);
  }, [ready, fields, server, baseVersion, publishKey, storageKey]);

  /**
   * Sends the text; resolves false when another save was already on its way. `rebase`: send this merge on a
   * colleague's version instead (after a conflict). A stale save whose changes do not collide with the
   * colleague's is merged and sent again at once (a few times at most, should others keep saving meanwhile).
   */
  const send = async (intent: Intent, rebase?: Rebase, attempt = 0): Promise<boolean> => {
    if (inFlight.current || !editor) return false;
    const sent = rebase ? rebase.fields : { ...state.fields, body: bodyHtml(editor) };
    const base = rebase ? rebase.server : state.server;
    if (isBlankBody(sent.body)) {
      if (intent.kind !== "autosave") dispatch({ type: "save-refused", message: "Write something before saving." });
      return true;
    }
    inFlight.current = true;
    let retry: Rebase | null = null;
    const path = `/api/blogs/${encodeURIComponent(blog.slug)}/entries`;
    try {
      if (!entry) {
        // One key per composed entry, stored with the draft before sending: whatever happens to this request,
        // trying again (now, after a reload, or a double click) cannot publish the entry twice.
        const key = state.publishKey ?? newPublishKey();
        dispatch({ type: "save-started", intent, publishKey: key });
        writeDraft(storageKey, {
          fields: state.fields,
          baseVersion: null,
          publishKey: key,
          savedAt: new Date().toISOString(),
        });
        const answer = await apiRequest<{ entry: EntryDTO }>("POST", path, createRequest(sent, intent, actor.id), {
          headers: { "idempotency-key": key },
        });
        onSaved(answer.entry);
        editor.commands.clearContent(false);
        dispatch({ type: "created", notice: createdNotice(answer.entry) });
        return true;
      }
      dispatch({ type: "save-started", intent, publishKey: null });
      const version = rebase?.theirs.version ?? state.baseVersion ?? entry.version;
      const answer = await apiRequest<{ entry: EntryDTO }>(
        "PATCH",
        `${path}/${encodeURIComponent(entry.id)}`,
        updateRequest(sent, intent, version, base.label),
      );
      onSaved(answer.entry);
      const autosaved = intent.kind === "autosave";
      const merged = rebase?.notice ?? null;
      dispatch({
        type: "updated",
        sent,
        entry: answer.entry,
        notice: merged ? `Saved. ${merged}` : autosaved ? `Draft saved at ${new Date().toLocaleTimeString()}.` : null,
      });
      // A merged save stays open, so the writer sees what came in from their colleague.
      if (!autosaved && !merged) {
        clearDraft(storageKey);
        onClose?.();
      }
    } catch (caught) {
      const outcome = entry
        ? conflictOutcome(caught, { sent, base, intent, asEditorWrites: (html) => asEditorWrites(editor, html) })
        : null;
      if (outcome?.kind === "merged" && attempt < MAX_MERGE_ATTEMPTS) {
        if (outcome.fields.body !== sent.body) editor.commands.setContent(outcome.fields.body, { emitUpdate: false });
        dispatch({ type: "rebased", ...outcome });
        retry = outcome;
      } else if (outcome?.kind === "conflict") {
        dispatch({ type: "conflicted", conflict: outcome.conflict });
      } else {
        dispatch(saveFailure(caught, !entry));
      }
    } finally {
      inFlight.current = false;
    }
    return retry ? send(intent, retry, attempt + 1) : true;
  };

  // An existing draft is saved to the server a moment after typing stops.
  const autosave = useEffectEvent(() => void send({ kind: "autosave" }));
  const autosaveDue = wantsAutosave(state);
  useEffect(() => {
    if (!autosaveDue) return;
    const timer = setTimeout(() => autosave(), AUTOSAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [autosaveDue, fields]);

  return {
    state,
    editor,
    changeFields: (change) => dispatch({ type: "field-changed", change }),
    save: (intent) => void send(intent),
    resolveConflict: (choices) => {
      if (!state.conflict || !editor) return;
      const { mine, theirs, theirsFields, merge, intent } = state.conflict;
      const rebase = {
        theirs,
        server: theirsFields,
        fields: { ...mine, ...resolveMerge(merge, choices) },
        notice: null,
      };
      editor.commands.setContent(rebase.fields.body, { emitUpdate: false });
      dispatch({ type: "rebased", ...rebase });
      void send(intent, rebase);
    },
    takeTheirs: () => {
      if (!state.conflict || !editor) return;
      const { theirs } = state.conflict;
      editor.commands.setContent(theirs.body, { emitUpdate: false });
      dispatch({ type: "took-theirs", theirs, fields: { ...fieldsOf(theirs), body: bodyHtml(editor) } });
      onSaved(theirs);
    },
    discardRestored: () => {
      if (!editor) return;
      editor.commands.setContent(state.server.body, { emitUpdate: false });
      dispatch({ type: "restored-discarded" });
    },
    togglePreview: () => dispatch({ type: "preview-toggled", now: new Date().toISOString() }),
    toggleSchedule: () => dispatch({ type: "schedule-toggled", defaultValue: defaultScheduleValue(new Date()) }),
    changeSchedule: (value) => dispatch({ type: "schedule-changed", value }),
    confirmSchedule: () => {
      const checked = scheduledAtFrom(state.schedule.value, new Date());
      dispatch({ type: "schedule-checked", error: "error" in checked ? checked.error : null });
      if ("error" in checked) return;
      void send({ kind: "schedule", scheduledAt: checked.scheduledAt }).then((ran) => {
        if (ran) dispatch({ type: "schedule-closed" });
      });
    },
    close: () => {
      const dirty = !sameFields(state.fields, state.server);
      if (dirty && !window.confirm("Close the editor and discard your unsaved changes?")) return;
      clearDraft(storageKey);
      onClose?.();
    },
  };
}
