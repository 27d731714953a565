import { describe, expect, it } from "vitest";
import type { EntryDTO } from "@/common/contracts/dto";
import { entryDTO } from "@/common/contracts/test-factories";
import {
  composerReducer,
  draftToStore,
  initialComposerState,
  wantsAutosave,
  type ComposerAction,
  type ComposerState,
} from "./composer-state";
import { emptyFields, fieldsOf, type ComposerFields } from "./composer-fields";
import { mergeEntryFields } from "@/common/three-way-merge";

const NOW = "2026-11-26T10:00:00.000Z";

const entry = (extra: Partial<EntryDTO> = {}): EntryDTO =>
  entryDTO({
    blog: "storm",
    headline: "Bridge closed",
    body: "<p>The bridge is closed.</p>",
    author: { id: "writer", name: "Sam" },
    status: "DRAFT",
    publishedAt: null,
    label: "Breaking",
    version: 3,
    createdAt: NOW,
    updatedAt: NOW,
    ...extra,
  });

const run = (state: ComposerState, ...actions: ComposerAction[]) => actions.reduce(composerReducer, state);

/** A composer for a new entry whose editor is up, holding `text`. */
function writingNew(text = "<p>Polls close</p>"): ComposerState {
  const loaded = run(initialComposerState("writer", undefined, NOW), {
    type: "loaded",
    server: emptyFields("writer"),
    stored: null,
    mayPostAsOther: true,
  });
  return run(loaded, { type: "body-changed", body: text });
}

/** A composer editing `edited`, loaded with nothing stored locally. */
function editing(edited = entry()): ComposerState {
  return run(initialComposerState("writer", edited, NOW), {
    type: "loaded",
    server: fieldsOf(edited),
    stored: null,
    mayPostAsOther: false,
  });
}

describe("composer state", () => {
  it("starts a new entry empty, by its writer, with no key, and an edit from the entry at its version", () => {
    const fresh = initialComposerState("writer", undefined, NOW);
    expect(fresh).toMatchObject({ isNew: true, fields: emptyFields("writer"), baseVersion: null, publishKey: null });
    expect(fresh.ready).toBe(false);
    const edit = initialComposerState("editor", entry(), NOW);
    expect(edit).toMatchObject({ isNew: false, baseVersion: 3, serverStatus: "DRAFT" });
    expect(edit.fields).toEqual({
      headline: "Bridge closed",
      body: "<p>The bridge is closed.</p>",
      label: "Breaking",
      keyEvent: false,
      authorId: "writer",
    });
  });

  describe("loading a local copy", () => {
    const stored = (fields: Partial<ComposerFields>, extra: { baseVersion?: number | null; publishKey?: string }) => ({
      fields: { ...fieldsOf(entry()), ...fields },
      baseVersion: extra.baseVersion ?? null,
      ...(extra.publishKey ? { publishKey: extra.publishKey } : {}),
      savedAt: NOW,
    });

    it("brings back an edit's text with the version it was based on", () => {
      const state = run(initialComposerState("writer", entry(), NOW), {
        type: "loaded",
        server: fieldsOf(entry()),
        stored: stored({ body: "<p>mine</p>" }, { baseVersion: 2, publishKey: "ignored" }),
        mayPostAsOther: false,
      });
      expect(state).toMatchObject({ ready: true, restored: true, baseVersion: 2, publishKey: null });
      expect(state.fields.body).toBe("<p>mine</p>");
      expect(state.server).toEqual(fieldsOf(entry()));
    });

    it("brings back a new entry's publish key, so a retry after a reload cannot publish twice", () => {
      const state = run(initialComposerState("writer", undefined, NOW), {
        type: "loaded",
        server: emptyFields("writer"),
        stored: stored({ body: "<p>mine</p>", authorId: "colleague" }, { publishKey: "k1" }),
        mayPostAsOther: true,
      });
      expect(state).toMatchObject({ restored: true, publishKey: "k1", baseVersion: null });
      expect(state.fields.authorId).toBe("colleague");
    });

    it("gives a journalist's copy back to them as its author", () => {
      const state = run(initialComposerState("writer", undefined, NOW), {
        type: "loaded",
        server: emptyFields("writer"),
        stored: stored({ authorId: "colleague" }, {}),
        mayPostAsOther: false,
      });
      expect(state.fields.authorId).toBe("writer");
    });

    it("without one, shows the server's text (as the editor writes it) and is not restored", () => {
      const server = { ...fieldsOf(entry()), body: "<p>The bridge is closed.</p>" };
      const state = run(initialComposerState("writer", entry(), NOW), {
        type: "loaded",
        server,
        stored: null,
        mayPostAsOther: false,
      });
      expect(state).toMatchObject({ ready: true, restored: false, fields: server, server, baseVersion: 3 });
    });

    it("discarding a restored copy goes back to the server's text", () => {
      const restored = run(initialComposerState("writer", entry(), NOW), {
        type: "loaded",
        server: fieldsOf(entry()),
        stored: stored({ body: "<p>mine</p>" }, { baseVersion: 3 }),
        mayPostAsOther: false,
      });
      const discarded = run(restored, { type: "restored-discarded" });
      expect(discarded).toMatchObject({ restored: false, fields: fieldsOf(entry()) });
    });
  });

  it("changes fields from the form and the body from the editor (the same body changes nothing)", () => {
    const state = writingNew();
    const changed = run(state, { type: "field-changed", change: { headline: "Polls", label: "Key event" } });
    expect(changed.fields).toMatchObject({ headline: "Polls", label: "Key event", body: "<p>Polls close</p>" });
    expect(run(changed, { type: "body-changed", body: "<p>Polls close</p>" })).toBe(changed);
  });

  describe("saving a new entry", () => {
    it("keeps one publish key from the first attempt until the server answers", () => {
      const started = run(writingNew(), { type: "save-started", intent: { kind: "publish" }, publishKey: "k1" });
      expect(started).toMatchObject({ busy: "publish", publishKey: "k1", error: null, notice: null });
      // A network error keeps the key: trying again sends the same one.
      const offline = run(started, { type: "failed", message: "offline", dropPublishKey: false });
      expect(offline).toMatchObject({ busy: null, error: "offline", publishKey: "k1" });
      expect(draftToStore(offline, NOW)?.publishKey).toBe("k1");
      // 422: the key published an older text; the next attempt gets a new one.
      const refused = run(offline, { type: "failed", message: "changed", dropPublishKey: true });
      expect(refused.publishKey).toBeNull();
    });

    it("empties the form for the next entry once created", () => {
      const scheduled = run(
        writingNew(),
        { type: "field-changed", change: { headline: "Later", authorId: "colleague" } },
        { type: "preview-toggled", now: NOW },
        { type: "schedule-toggled", defaultValue: "2026-11-26T11:00" },
        { type: "save-started", intent: { kind: "schedule", scheduledAt: NOW }, publishKey: "k1" },
        { type: "created", notice: "Scheduled for 11:00." },
      );
      expect(scheduled).toMatchObject({
        busy: null,
        fields: emptyFields("writer"),
        server: emptyFields("writer"),
        publishKey: null,
        previewing: false,
        schedule: { open: false, value: "", error: null },
        notice: "Scheduled for 11:00.",
      });
      expect(draftToStore(scheduled, NOW)).toBeNull();
    });

    it("refuses an empty text with a message and sends nothing", () => {
      const state = run(writingNew("<p></p>"), { type: "save-refused", message: "Write something before saving." });
      expect(state).toMatchObject({ busy: null, error: "Write something before saving." });
    });
  });

  describe("saving an edit", () => {
    it("bases the next save on the version the server answered and keeps typing done meanwhile", () => {
      const typed = run(editing(), { type: "body-changed", body: "<p>Open again</p>" });
      const sent = typed.fields;
      const saving = run(
        typed,
        { type: "save-started", intent: { kind: "autosave" }, publishKey: null },
        { type: "body-changed", body: "<p>Open again, slowly</p>" },
      );
      expect(saving.busy).toBe("autosave");
      const saved = run(saving, {
        type: "updated",
        sent,
        entry: entry({ body: sent.body, version: 4 }),
        notice: "Draft saved at 10:00:02.",
      });
      expect(saved).toMatchObject({ busy: null, baseVersion: 4, server: sent, notice: "Draft saved at 10:00:02." });
      expect(saved.fields.body).toBe("<p>Open again, slowly</p>");
      expect(draftToStore(saved, NOW)).toEqual({ fields: saved.fields, baseVersion: 4, savedAt: NOW });
    });

    it("an autosave keeps the notice on screen; any other save clears it", () => {
      const noticed = { ...editing(), notice: "Draft saved at 10:00." };
      expect(run(noticed, { type: "save-started", intent: { kind: "autosave" }, publishKey: null }).notice).toBe(
        "Draft saved at 10:00.",
      );
      expect(run(noticed, { type: "save-started", intent: { kind: "save" }, publishKey: null }).notice).toBeNull();
    });

    it("takes the status the server answered (publishing a draft stops its autosave)", () => {
      const saved = run(editing(), {
        type: "updated",
        sent: fieldsOf(entry()),
        entry: entry({ status: "PUBLISHED", version: 4 }),
        notice: null,
      });
      expect(saved.serverStatus).toBe("PUBLISHED");
    });
  });

  describe("a conflict", () => {
    const theirs = entry({ body: "<p>Theirs</p>", label: "Analysis", version: 5, status: "SCHEDULED" });
    const conflicted = () => {
      const typed = run(editing(), { type: "body-changed", body: "<p>Mine</p>" });
      return run(
        typed,
        { type: "save-started", intent: { kind: "save" }, publishKey: null },
        {
          type: "conflicted",
          conflict: {
            mine: typed.fields,
            base: typed.server,
            theirs,
            theirsFields: fieldsOf(theirs),
            changedBy: { id: "ana", name: "Ana" },
            changedAt: NOW,
            merge: mergeEntryFields(typed.server, typed.fields, fieldsOf(theirs)),
            intent: { kind: "save" },
          },
        },
      );
    };

    it("stops the save and holds both versions", () => {
      const state = conflicted();
      expect(state.busy).toBeNull();
      expect(state.conflict?.mine.body).toBe("<p>Mine</p>");
      expect(state.conflict?.theirs.version).toBe(5);
      expect(wantsAutosave({ ...state, serverStatus: "DRAFT" })).toBe(false);
    });

    it("a merge closes the panel and stands on their version, to be saved next", () => {
      const merged = { ...fieldsOf(theirs), body: "<p>Mine</p>" };
      const rebased = run(conflicted(), {
        type: "rebased",
        theirs,
        server: fieldsOf(theirs),
        fields: merged,
        notice: "Merged with Ana's change to the label.",
      });
      expect(rebased).toMatchObject({
        conflict: null,
        baseVersion: 5,
        serverStatus: "SCHEDULED",
        fields: merged,
        server: fieldsOf(theirs),
        notice: "Merged with Ana's change to the label.",
      });
      expect(draftToStore(rebased, NOW)?.baseVersion).toBe(5);
    });

    it("taking theirs replaces the text, version and status, and drops the local copy", () => {
      const taken = run(conflicted(), { type: "took-theirs", theirs, fields: fieldsOf(theirs) });
      expect(taken).toMatchObject({
        conflict: null,
        restored: false,
        baseVersion: 5,
        serverStatus: "SCHEDULED",
        fields: fieldsOf(theirs),
        server: fieldsOf(theirs),
      });
      expect(draftToStore(taken, NOW)).toBeNull();
    });
  });

  describe("the local copy", () => {
    it("is kept while the text differs from the server's, with the version it is based on", () => {
      const typed = run(editing(), { type: "field-changed", change: { keyEvent: true } });
      expect(draftToStore(typed, NOW)).toEqual({ fields: typed.fields, baseVersion: 3, savedAt: NOW });
      expect(draftToStore(editing(), NOW)).toBeNull();
    });

    it("is not kept for an editor left empty (TipTap's empty paragraph counts as nothing)", () => {
      expect(draftToStore(writingNew("<p></p>"), NOW)).toBeNull();
      expect(draftToStore(writingNew("<p>x</p>"), NOW)).not.toBeNull();
    });
  });

  describe("autosave", () => {
    const typed = (edited: EntryDTO) => run(editing(edited), { type: "body-changed", body: "<p>more</p>" });

    it("is due for an existing draft with unsaved text", () => {
      expect(wantsAutosave(typed(entry()))).toBe(true);
    });

    it("is due for an entry sent back to its contributor, not for one waiting for review or settled", () => {
      expect(wantsAutosave(typed(entry({ status: "RETURNED" })))).toBe(true);
      expect(wantsAutosave(typed(entry({ status: "SUBMITTED" })))).toBe(false);
      expect(wantsAutosave(typed(entry({ status: "REJECTED" })))).toBe(false);
    });

    it("is not due for a new entry, a published or scheduled one, unchanged or empty text, or while saving", () => {
      expect(wantsAutosave(run(writingNew(), { type: "field-changed", change: { headline: "x" } }))).toBe(false);
      expect(wantsAutosave(typed(entry({ status: "PUBLISHED" })))).toBe(false);
      expect(wantsAutosave(typed(entry({ status: "SCHEDULED" })))).toBe(false);
      expect(wantsAutosave(editing())).toBe(false);
      expect(wantsAutosave(run(editing(), { type: "body-changed", body: "<p> </p>" }))).toBe(false);
      const saving = run(typed(entry()), { type: "save-started", intent: { kind: "autosave" }, publishKey: null });
      expect(wantsAutosave(saving)).toBe(false);
      expect(wantsAutosave({ ...typed(entry()), ready: false })).toBe(false);
    });
  });

  describe("preview and schedule", () => {
    it("toggles the preview, taking the time it shows", () => {
      const shown = run(writingNew(), { type: "preview-toggled", now: "2026-11-26T10:05:00.000Z" });
      expect(shown).toMatchObject({ previewing: true, previewTime: "2026-11-26T10:05:00.000Z" });
      expect(run(shown, { type: "preview-toggled", now: NOW }).previewing).toBe(false);
    });

    it("opens the picker an hour ahead, keeps a picked time across closing, and shows what is wrong", () => {
      const open = run(writingNew(), { type: "schedule-toggled", defaultValue: "2026-11-26T11:00" });
      expect(open.schedule).toEqual({ open: true, value: "2026-11-26T11:00", error: null });
      const picked = run(
        open,
        { type: "schedule-changed", value: "2026-11-27T08:30" },
        { type: "schedule-checked", error: "Pick a time in the future." },
      );
      expect(picked.schedule.error).toBe("Pick a time in the future.");
      const reopened = run(
        picked,
        { type: "schedule-toggled", defaultValue: "x" },
        { type: "schedule-toggled", defaultValue: "x" },
      );
      expect(reopened.schedule).toEqual({ open: true, value: "2026-11-27T08:30", error: null });
      expect(run(reopened, { type: "schedule-closed" }).schedule.open).toBe(false);
    });
  });
});
