// The composer's state and every change to it, without React or the editor, so each transition is unit-tested.
// use-composer.ts runs it: it talks to the editor, the server and localStorage, and reports back here.
import type { AuthorDTO, EntryDTO, EntryStatus } from "@/common/contracts/dto";
import type { EntryMerge } from "@/common/three-way-merge";
import { emptyFields, fieldsOf, isBlankBody, sameFields, type ComposerFields } from "./composer-fields";
import type { StoredDraft } from "./draft-storage";

export type Intent =
  | { kind: "draft" }
  | { kind: "publish" }
  /** A contributor's: send it to the editors for review (status SUBMITTED). */
  | { kind: "submit" }
  | { kind: "schedule"; scheduledAt: string }
  /** Edit mode: save the text, keep the status. */
  | { kind: "save" }
  /** Edit mode, drafts only: the debounced server copy; the editor stays open. */
  | { kind: "autosave" };

/**
 * A save refused because a colleague saved first, where both changed the same thing: the three versions, the
 * merge of what did not collide, and who to name. (Changes that do not collide are merged and saved at once.)
 */
export interface Conflict {
  /** What this editor tried to save. */
  mine: ComposerFields;
  /** The version both started from (what the server held at this editor's base version). */
  base: ComposerFields;
  /** The entry as the colleague saved it. */
  theirs: EntryDTO;
  /** `theirs` as composer fields, its body as the editor writes it. */
  theirsFields: ComposerFields;
  changedBy: AuthorDTO | null;
  changedAt: string;
  merge: EntryMerge;
  /** What the refused save meant to do, done again once the writer has chosen. */
  intent: Intent;
}

export interface ScheduleState {
  open: boolean;
  /** The datetime-local input's value ("2026-11-26T15:05"), in the browser's zone. */
  value: string;
  error: string | null;
}

export interface ComposerState {
  /** Who writes: a new entry resets to them as its author. */
  actorId: string;
  /** No entry yet: saving creates one (with an Idempotency-Key) and the form empties again. */
  isNew: boolean;
  fields: ComposerFields;
  /** What the server holds at `baseVersion` (for a new entry: the empty form); a local copy equal to it is not kept. */
  server: ComposerFields;
  /** The version the text is based on: a save sends it, so a stale save conflicts instead of overwriting. */
  baseVersion: number | null;
  serverStatus: EntryStatus | null;
  /** A new entry's Idempotency-Key, from its first publish attempt until the server has answered it. */
  publishKey: string | null;
  /** The editor exists and any unsaved local copy has been brought back. */
  ready: boolean;
  /** The text on screen came from this browser's storage, not the server. */
  restored: boolean;
  busy: Intent["kind"] | null;
  error: string | null;
  notice: string | null;
  conflict: Conflict | null;
  previewing: boolean;
  /** The time the preview shows as "now". */
  previewTime: string;
  schedule: ScheduleState;
}

/** The fields a form control changes (the body comes from the editor). */
export type ComposerFieldsChange = Partial<Omit<ComposerFields, "body">>;

export type ComposerAction =
  | { type: "field-changed"; change: ComposerFieldsChange }
  | { type: "body-changed"; body: string }
  /**
   * The editor is ready. `server` is the entry's text as the editor writes it; `stored` a local copy that differs
   * from it (its body as the editor writes it), if any.
   */
  | { type: "loaded"; server: ComposerFields; stored: StoredDraft | null; mayPostAsOther: boolean }
  | { type: "restored-discarded" }
  | { type: "save-refused"; message: string }
  | { type: "save-started"; intent: Intent; publishKey: string | null }
  | { type: "created"; notice: string }
  /** An edit was saved: `sent` is now what the server holds, as `entry`. */
  | { type: "updated"; sent: ComposerFields; entry: EntryDTO; notice: string | null }
  | { type: "conflicted"; conflict: Conflict }
  | { type: "failed"; message: string; dropPublishKey: boolean }
  /**
   * The text now stands on the colleague's version (`theirs`, as fields `server`): `fields` is the merge, saved
   * next. `notice` names whose change came in.
   */
  | { type: "rebased"; theirs: EntryDTO; server: ComposerFields; fields: ComposerFields; notice: string | null }
  /** `fields`: theirs, body as the editor writes it. */
  | { type: "took-theirs"; theirs: EntryDTO; fields: ComposerFields }
  | { type: "preview-toggled"; now: string }
  | { type: "schedule-toggled"; defaultValue: string }
  | { type: "schedule-changed"; value: string }
  | { type: "schedule-checked"; error: string | null }
  | { type: "schedule-closed" };

const closedSchedule: ScheduleState = { open: false, value: "", error: null };

export function initialComposerState(actorId: string, entry: EntryDTO | undefined, now: string): ComposerState {
  const fields = entry ? fieldsOf(entry) : emptyFields(actorId);
  return {
    actorId,
    isNew: entry === undefined,
    fields,
    server: fields,
    baseVersion: entry?.version ?? null,
    serverStatus: entry?.status ?? null,
    publishKey: null,
    ready: false,
    restored: false,
    busy: null,
    error: null,
    notice: null,
    conflict: null,
    previewing: false,
    previewTime: now,
    schedule: closedSchedule,
  };
}

export function composerReducer(state: ComposerState, action: ComposerAction): ComposerState {
  switch (action.type) {
    case "field-changed":
      return { ...state, fields: { ...state.fields, ...action.change } };
    case "body-changed":
      return state.fields.body === action.body ? state : { ...state, fields: { ...state.fields, body: action.body } };
    case "loaded": {
      const { server, stored } = action;
      if (!stored) return { ...state, ready: true, server, fields: server };
      return {
        ...state,
        ready: true,
        server,
        // Only an editor may have picked another author; a journalist's copy is theirs whatever it says.
        fields: { ...stored.fields, authorId: action.mayPostAsOther ? stored.fields.authorId : state.actorId },
        baseVersion: !state.isNew && stored.baseVersion !== null ? stored.baseVersion : state.baseVersion,
        publishKey: state.isNew ? (stored.publishKey ?? null) : null,
        restored: true,
      };
    }
    case "restored-discarded":
      return { ...state, fields: state.server, restored: false };
    case "save-refused":
      return { ...state, error: action.message };
    case "save-started":
      return {
        ...state,
        busy: action.intent.kind,
        error: null,
        notice: action.intent.kind === "autosave" ? state.notice : null,
        publishKey: action.publishKey,
      };
    case "created": {
      // The entry is out: the form starts over for the next one.
      const empty = emptyFields(state.actorId);
      return {
        ...state,
        busy: null,
        fields: empty,
        server: empty,
        publishKey: null,
        restored: false,
        previewing: false,
        schedule: closedSchedule,
        notice: action.notice,
      };
    }
    case "updated":
      return {
        ...state,
        busy: null,
        // Typing may have gone on during the request: it stays, now based on the new version.
        server: action.sent,
        baseVersion: action.entry.version,
        serverStatus: action.entry.status,
        notice: action.notice ?? state.notice,
      };
    case "conflicted":
      return { ...state, busy: null, conflict: action.conflict };
    case "failed":
      return {
        ...state,
        busy: null,
        error: action.message,
        publishKey: action.dropPublishKey ? null : state.publishKey,
      };
    case "rebased":
      return {
        ...state,
        fields: action.fields,
        server: action.server,
        baseVersion: action.theirs.version,
        serverStatus: action.theirs.status,
        conflict: null,
        restored: false,
        notice: action.notice ?? state.notice,
      };
    case "took-theirs":
      return {
        ...state,
        fields: action.fields,
        server: action.fields,
        baseVersion: action.theirs.version,
        serverStatus: action.theirs.status,
        conflict: null,
        restored: false,
      };
    case "preview-toggled":
      return { ...state, previewing: !state.previewing, previewTime: action.now };
    case "schedule-toggled":
      return state.schedule.open
        ? { ...state, schedule: { ...state.schedule, open: false } }
        : { ...state, schedule: { open: true, error: null, value: state.schedule.value || action.defaultValue } };
    case "schedule-changed":
      return { ...state, schedule: { ...state.schedule, value: action.value } };
    case "schedule-checked":
      return { ...state, schedule: { ...state.schedule, error: action.error } };
    case "schedule-closed":
      return { ...state, schedule: { ...state.schedule, open: false, error: null } };
  }
}

/** Nothing worth keeping locally: the text is what the server has (an empty editor counts as empty). */
export function matchesServer(state: Pick<ComposerState, "fields" | "server">): boolean {
  const { fields, server } = state;
  return sameFields(fields, server) || (isBlankBody(fields.body) && sameFields({ ...fields, body: "" }, server));
}

/** What this browser should keep for the composer (null: nothing, clear the slot). */
export function draftToStore(
  state: Pick<ComposerState, "fields" | "server" | "baseVersion" | "publishKey">,
  savedAt: string,
): StoredDraft | null {
  if (matchesServer(state)) return null;
  return {
    fields: state.fields,
    baseVersion: state.baseVersion,
    ...(state.publishKey ? { publishKey: state.publishKey } : {}),
    savedAt,
  };
}

/** An existing draft is saved to the server a moment after typing stops, unless something else is going on. */
export function wantsAutosave(state: ComposerState): boolean {
  return (
    !state.isNew &&
    // A returned entry is its contributor's draft again.
    (state.serverStatus === "DRAFT" || state.serverStatus === "RETURNED") &&
    state.ready &&
    state.conflict === null &&
    state.busy === null &&
    !sameFields(state.fields, state.server) &&
    !isBlankBody(state.fields.body)
  );
}
