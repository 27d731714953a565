"use client";
// The composer's behaviour: its state (composer-state.ts) joined to the TipTap editor, the API and localStorage.
// Every keystroke is kept in localStorage; an existing draft is also saved to the server ~2 s after typing stops.
// A stale save never overwrites: it opens the conflict panel.
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
import { fieldsOf, isBlankBody, sameFields } from "./composer-fields";
import { clearDraft, draftKey, newPublishKey, readDraft, writeDraft } from "./draft-storage";
import { bodyHtml, composerExtensions } from "./editor-extensions";
import { createdNotice, createRequest, saveFailure, updateRequest } from "./save-requests";
import { defaultScheduleValue, scheduledAtFrom } from "./schedule-time";

const AUTOSAVE_DELAY_MS = 2_000;

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
  keepMine: () => void;
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

  /** Sends the text; resolves false when another save was already on its way. `basedOn`: keep mine over theirs. */
  const send = async (intent: Intent, basedOn?: EntryDTO): Promise<boolean> => {
    if (inFlight.current || !editor) return false;
    const sent = { ...state.fields, body: bodyHtml(editor) };
    if (isBlankBody(sent.body)) {
      if (intent.kind !== "autosave") dispatch({ type: "save-refused", message: "Write something before saving." });
      return true;
    }
    inFlight.current = true;
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
      const version = basedOn?.version ?? state.baseVersion ?? entry.version;
      const baseLabel = basedOn ? fieldsOf(basedOn).label : state.server.label;
      const answer = await apiRequest<{ entry: EntryDTO }>(
        "PATCH",
        `${path}/${encodeURIComponent(entry.id)}`,
        updateRequest(sent, intent, version, baseLabel),
      );
      onSaved(answer.entry);
      const autosaved = intent.kind === "autosave";
      dispatch({
        type: "updated",
        sent,
        entry: answer.entry,
        notice: autosaved ? `Draft saved at ${new Date().toLocaleTimeString()}.` : null,
      });
      if (!autosaved) {
        clearDraft(storageKey);
        onClose?.();
      }
    } catch (caught) {
      dispatch(saveFailure(caught, sent, intent, !entry));
    } finally {
      inFlight.current = false;
    }
    return true;
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
    keepMine: () => {
      if (!state.conflict) return;
      const { theirs, intent } = state.conflict;
      dispatch({ type: "kept-mine" });
      void send(intent, theirs);
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
