import { describe, expect, it } from "vitest";
import type { EntryDTO } from "@/common/contracts/dto";
import { entryDTO } from "@/common/contracts/test-factories";
import { createEntrySchema, updateEntrySchema } from "@/common/contracts/schemas";
import { ApiError } from "@/components/admin/api-request";
import { entryFieldsOf, fieldsOf, type ComposerFields } from "./composer-fields";
import {
  conflictOutcome,
  createdNotice,
  mergedNotice,
  createRequest,
  OFFLINE_MESSAGE,
  previewEntry,
  saveFailure,
  statusOf,
  updateRequest,
} from "./save-requests";

const NOW = "2026-11-26T10:00:00.000Z";
const LATER = "2026-11-26T12:00:00.000Z";

const fields = (extra: Partial<ComposerFields> = {}): ComposerFields => ({
  headline: "  Polls close  ",
  body: "<p>Counting begins.</p>",
  label: "Breaking",
  keyEvent: true,
  authorId: "writer",
  ...extra,
});

const entry = (extra: Partial<EntryDTO> = {}): EntryDTO =>
  entryDTO({
    blog: "storm",
    body: "<p>x</p>",
    author: { id: "writer", name: "Sam" },
    publishedAt: NOW,
    pinned: true,
    version: 7,
    createdAt: NOW,
    updatedAt: NOW,
    ...extra,
  });

describe("save requests", () => {
  it("asks for the status each button means; an edit's save and the autosave keep it", () => {
    expect(statusOf({ kind: "draft" })).toBe("DRAFT");
    expect(statusOf({ kind: "publish" })).toBe("PUBLISHED");
    expect(statusOf({ kind: "submit" })).toBe("SUBMITTED");
    expect(statusOf({ kind: "schedule", scheduledAt: LATER })).toBe("SCHEDULED");
    expect(statusOf({ kind: "save" })).toBeUndefined();
    expect(statusOf({ kind: "autosave" })).toBeUndefined();
  });

  describe("creating", () => {
    it("sends the trimmed headline, the status, and no author when it is the writer", () => {
      const request = createRequest(fields(), { kind: "publish" }, "writer");
      expect(request).toEqual({
        headline: "Polls close",
        body: "<p>Counting begins.</p>",
        status: "PUBLISHED",
        keyEvent: true,
        label: "Breaking",
      });
      expect(createEntrySchema.safeParse(request).success).toBe(true);
    });

    it("names another author, sends a schedule's time, and empty headline and label as null", () => {
      const request = createRequest(
        fields({ headline: " ", label: "", authorId: "colleague" }),
        { kind: "schedule", scheduledAt: LATER },
        "writer",
      );
      expect(request).toEqual({
        headline: null,
        body: "<p>Counting begins.</p>",
        status: "SCHEDULED",
        scheduledAt: LATER,
        keyEvent: true,
        label: null,
        authorId: "colleague",
      });
      expect(createRequest(fields(), { kind: "draft" }, "writer")).toMatchObject({ status: "DRAFT" });
      expect(createRequest(fields(), { kind: "draft" }, "writer")).not.toHaveProperty("scheduledAt");
    });
  });

  describe("updating", () => {
    it("sends the version it is based on and every field; a save keeps the status", () => {
      const request = updateRequest(fields(), { kind: "save" }, 7, "");
      expect(request).toEqual({
        version: 7,
        headline: "Polls close",
        body: "<p>Counting begins.</p>",
        keyEvent: true,
        label: "Breaking",
      });
      expect(updateEntrySchema.safeParse(request).success).toBe(true);
      expect(updateRequest(fields(), { kind: "autosave" }, 8, "Breaking")).not.toHaveProperty("status");
    });

    it("moves to drafts, publishes, or schedules with its time", () => {
      expect(updateRequest(fields(), { kind: "draft" }, 7, "")).toMatchObject({ status: "DRAFT" });
      expect(updateRequest(fields(), { kind: "publish" }, 7, "")).toMatchObject({ status: "PUBLISHED" });
      const scheduled = updateRequest(fields(), { kind: "schedule", scheduledAt: LATER }, 7, "");
      expect(scheduled).toMatchObject({ status: "SCHEDULED", scheduledAt: LATER });
      expect(updateRequest(fields(), { kind: "publish" }, 7, "")).not.toHaveProperty("scheduledAt");
    });

    it("clears a label with null", () => {
      expect(updateRequest(fields({ label: "" }), { kind: "save" }, 7, "Breaking")).toMatchObject({ label: null });
    });

    it("keeps an unchanged label by not sending it (it may have left the blog's list); a changed one is sent", () => {
      const legacy = fields({ label: "Travel" });
      const kept = updateRequest(legacy, { kind: "save" }, 7, "Travel");
      expect(kept).not.toHaveProperty("label");
      expect(updateEntrySchema.safeParse(kept).success).toBe(true);
      expect(updateRequest(legacy, { kind: "save" }, 7, "Analysis")).toMatchObject({ label: "Travel" });
      expect(updateRequest(fields({ label: "Analysis" }), { kind: "save" }, 7, "Travel")).toMatchObject({
        label: "Analysis",
      });
    });
  });

  describe("answers", () => {
    it("says what happened to a new entry", () => {
      expect(createdNotice(entry())).toBe("Published.");
      expect(createdNotice(entry({ status: "DRAFT", publishedAt: null }))).toBe("Draft saved.");
      expect(createdNotice(entry({ status: "SUBMITTED", publishedAt: null }))).toBe("Sent to the editors for review.");
      expect(createdNotice(entry({ status: "SCHEDULED", scheduledAt: LATER }))).toMatch(/^Scheduled for \d.*\.$/);
    });

    describe("a 409 for a stale edit", () => {
      const base = fields({ headline: "Polls close", body: "<p>Counting begins.</p><p>At ten.</p>" });
      const stale = (current: EntryDTO, changedBy: { id: string; name: string } | null = { id: "ana", name: "Ana" }) =>
        new ApiError(409, "entry was changed", { code: "CONFLICT", current, changedBy, changedAt: LATER });
      const outcomeOf = (caught: unknown, sent: ComposerFields) =>
        conflictOutcome(caught, { sent, base, intent: { kind: "save" }, asEditorWrites: (html) => html });

      it("merges changes to different fields and names whose change came in", () => {
        const theirs = entry({
          headline: "Polls closed",
          body: base.body,
          label: "Breaking",
          keyEvent: true,
          version: 8,
        });
        const mine = { ...base, body: "<p>Counting begins.</p><p>At ten sharp.</p>" };
        expect(outcomeOf(stale(theirs), mine)).toEqual({
          kind: "merged",
          theirs,
          server: { ...fieldsOf(theirs), authorId: "writer" },
          fields: { ...mine, headline: "Polls closed" },
          notice: "Merged with Ana's change to the headline.",
        });
      });

      it("merges edits to different paragraphs of the body", () => {
        const theirs = entry({ ...entryFieldsOf(base), body: "<p>Counting has begun.</p><p>At ten.</p>" });
        const mine = { ...base, body: "<p>Counting begins.</p><p>At eleven.</p>" };
        const outcome = outcomeOf(stale(theirs, null), mine);
        expect(outcome).toMatchObject({
          kind: "merged",
          fields: { body: "<p>Counting has begun.</p><p>At eleven.</p>" },
          notice: "Merged with a newer change to the text.",
        });
      });

      it("asks when both changed the same field, with who and when", () => {
        const theirs = entry({ ...entryFieldsOf(base), headline: "Polls shut", version: 9 });
        const mine = { ...base, headline: "Polls closing" };
        const outcome = outcomeOf(stale(theirs), mine);
        expect(outcome?.kind).toBe("conflict");
        if (outcome?.kind !== "conflict") return;
        expect(outcome.conflict).toMatchObject({
          mine,
          base,
          theirs,
          changedBy: { name: "Ana" },
          changedAt: LATER,
          intent: { kind: "save" },
        });
        expect(outcome.conflict.merge.conflicts).toEqual(["headline"]);
      });

      it("is no merge for another kind of 409 (an ended blog)", () => {
        expect(outcomeOf(new ApiError(409, "blog ended", {}), base)).toBeNull();
        expect(outcomeOf(new TypeError("Failed to fetch"), base)).toBeNull();
      });

      it("says nothing of theirs when they made the same change", () => {
        expect(mergedNotice({ name: "Ana" }, [])).toBeNull();
        expect(mergedNotice({ name: "Ana" }, ["headline", "label", "body"])).toBe(
          "Merged with Ana's change to the headline, the label and the text.",
        );
      });
    });

    it("shows the server's message; a 422 for a new entry drops its publish key", () => {
      expect(saveFailure(new ApiError(422, "key reused", {}), true)).toEqual({
        type: "failed",
        message: "key reused",
        dropPublishKey: true,
      });
      expect(saveFailure(new ApiError(422, "key reused", {}), false)).toMatchObject({
        dropPublishKey: false,
      });
      expect(saveFailure(new ApiError(409, "blog ended", {}), true)).toEqual({
        type: "failed",
        message: "blog ended",
        dropPublishKey: false,
      });
      expect(saveFailure(new ApiError(400, "label: label must be one of …", {}), true)).toMatchObject({
        message: "label: label must be one of …",
      });
    });

    it("tells the writer their text is kept when the server cannot be reached", () => {
      expect(saveFailure(new TypeError("Failed to fetch"), true)).toEqual({
        type: "failed",
        message: OFFLINE_MESSAGE,
        dropPublishKey: false,
      });
    });
  });

  it("previews a new entry as published now, and an edit with what it already has", () => {
    const context = { slug: "storm", authorName: "Sam", time: LATER, labelColour: "#b91c1c" };
    expect(previewEntry(fields(), { ...context, entry: undefined, version: null })).toEqual({
      id: "new",
      blog: "storm",
      headline: "Polls close",
      body: "<p>Counting begins.</p>",
      author: { id: "writer", name: "Sam" },
      status: "PUBLISHED",
      publishedAt: LATER,
      scheduledAt: null,
      editedAt: null,
      pinned: false,
      pinOrder: null,
      keyEvent: true,
      label: "Breaking",
      labelColour: "#b91c1c",
      version: 1,
      createdAt: LATER,
      updatedAt: LATER,
      corrections: [],
    });
    const edited = previewEntry(fields({ label: "" }), { ...context, entry: entry(), version: 7 });
    expect(edited).toMatchObject({
      id: "e1",
      publishedAt: NOW,
      editedAt: LATER,
      pinned: true,
      version: 7,
      label: null,
    });
  });
});
