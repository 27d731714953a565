import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { draftKey, readDraft, writeDraft, type StoredDraft } from "./draft-storage";

const key = draftKey("storm", null);
let store: Map<string, string>;

beforeEach(() => {
  store = new Map();
  const localStorage: Pick<Storage, "getItem" | "setItem" | "removeItem"> = {
    getItem: (k) => store.get(k) ?? null,
    setItem: (k, v) => void store.set(k, v),
    removeItem: (k) => void store.delete(k),
  };
  vi.stubGlobal("window", { localStorage });
});

afterEach(() => {
  vi.unstubAllGlobals();
});

const draft: StoredDraft = {
  fields: { headline: "Polls close", body: "<p>Counting</p>", label: "Breaking", keyEvent: true, authorId: "u1" },
  baseVersion: null,
  publishKey: "k1",
  savedAt: "2026-12-06T10:00:00.000Z",
};

describe("composer drafts in localStorage", () => {
  it("are kept with a version and read back as written", () => {
    writeDraft(key, draft);
    expect(JSON.parse(store.get(key)!)).toMatchObject({ v: 1, data: draft });
    expect(readDraft(key)).toEqual(draft);
  });

  it("written before versions (and before label and keyEvent existed) still open, with defaults", () => {
    const old = { fields: { headline: "Old", body: "<p>typed</p>", authorId: "u1" }, baseVersion: 3, savedAt: "x" };
    store.set(key, JSON.stringify(old));
    expect(readDraft(key)).toEqual({
      fields: { headline: "Old", body: "<p>typed</p>", label: "", keyEvent: false, authorId: "u1" },
      baseVersion: 3,
      savedAt: "x",
    });
  });

  it("that cannot be read are left out, not thrown", () => {
    for (const damaged of ["{", JSON.stringify({ v: 99, data: draft }), JSON.stringify({ fields: {} })]) {
      store.set(key, damaged);
      expect(readDraft(key)).toBeNull();
    }
  });
});
