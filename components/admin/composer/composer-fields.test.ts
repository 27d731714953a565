import { describe, expect, it } from "vitest";
import { entryDTO } from "@/common/contracts/test-factories";
import {
  composerFieldsSchema,
  emptyFields,
  entryFieldsOf,
  fieldsOf,
  isBlankBody,
  sameFields,
  type ComposerFields,
} from "./composer-fields";

const fields: ComposerFields = {
  headline: "Polls close",
  body: "<p>Counting</p>",
  label: "Breaking",
  keyEvent: true,
  authorId: "u1",
};

describe("composer fields", () => {
  it("show an entry as the composer edits it, and send it back unchanged", () => {
    const entry = entryDTO({ headline: "Polls close", body: "<p>Counting</p>", label: "Breaking", keyEvent: true });
    const shown = fieldsOf(entry);
    expect(shown).toEqual({ ...fields, authorId: entry.author.id });
    expect(entryFieldsOf(shown)).toEqual({
      headline: entry.headline,
      body: entry.body,
      label: entry.label,
      keyEvent: entry.keyEvent,
    });
  });

  it("send blanks as null and headlines trimmed", () => {
    const blank = fieldsOf(entryDTO({ headline: null, label: null }));
    expect(blank).toMatchObject({ headline: "", label: "" });
    expect(entryFieldsOf({ ...blank, headline: "  Polls close  " })).toMatchObject({
      headline: "Polls close",
      label: null,
    });
  });

  it("start empty, every field at its default", () => {
    expect(emptyFields("u2")).toEqual({ headline: "", body: "", label: "", keyEvent: false, authorId: "u2" });
    expect(Object.keys(emptyFields("u2")).sort()).toEqual(Object.keys(composerFieldsSchema.shape).sort());
  });

  it("compare every field", () => {
    for (const [name, other] of Object.entries({
      headline: "x",
      body: "x",
      label: "x",
      keyEvent: false,
      authorId: "x",
    }))
      expect(sameFields(fields, { ...fields, [name]: other })).toBe(false);
    expect(sameFields(fields, { ...fields })).toBe(true);
  });

  it("take an editor with only empty paragraphs for blank, one with media for not", () => {
    expect(isBlankBody("<p></p><p>&nbsp; </p>")).toBe(true);
    expect(isBlankBody('<p><img src="/uploads/a.png" alt="A"></p>')).toBe(false);
    expect(isBlankBody("<p>a</p>")).toBe(false);
  });
});
