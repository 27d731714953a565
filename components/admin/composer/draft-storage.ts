// Every keystroke in a composer is kept in localStorage, so a reload, a crash or a lost connection never
// loses typed text. One slot per blog and entry ("new" for the composer that creates entries).
import { z } from "@/common/zod";
import { readStoredPayload, toStoredPayload, type StoredFormat } from "@/common/contracts/stored-payload";
import { composerFieldsSchema } from "./composer-fields";

const storedDraftSchema = z.object({
  fields: composerFieldsSchema,
  /** For an existing entry: the version the text was based on (a save with it may conflict, never overwrite). */
  baseVersion: z.number().int().nullable().default(null),
  /**
   * For a new entry: the Idempotency-Key its publish was first sent with. Kept until the server answers,
   * so a retry (after a network error, a reload or a double click) cannot create the entry twice.
   */
  publishKey: z.string().optional(),
  savedAt: z.string(),
});
export type StoredDraft = z.infer<typeof storedDraftSchema>;

/**
 * Version 0: the bare draft (stored before versions existed); version 1: { v: 1, data: draft }. A field added
 * later needs a `.default()` (composer-fields.ts for the fields), so drafts already in browsers still open.
 */
export const STORED_DRAFT: StoredFormat<StoredDraft> = {
  version: 1,
  schema: storedDraftSchema,
  upgrades: { 0: (draft) => draft },
};

const PREFIX = "liveline:composer:";

export function draftKey(slug: string, entryId: string | null): string {
  return `${PREFIX}${slug}:${entryId ?? "new"}`;
}

function storage(): Storage | null {
  try {
    return typeof window === "undefined" ? null : window.localStorage;
  } catch {
    return null; // storage disabled (privacy mode); the composer still works, just without the safety net
  }
}

/** The draft kept under `key`, or null. One that cannot be read (damaged, or from a newer version) is left out. */
export function readDraft(key: string): StoredDraft | null {
  const raw = storage()?.getItem(key);
  if (!raw) return null;
  const draft = readStoredPayload(STORED_DRAFT, raw);
  return draft.ok ? draft.value : null;
}

export function writeDraft(key: string, draft: StoredDraft): void {
  try {
    storage()?.setItem(key, toStoredPayload(STORED_DRAFT, draft));
  } catch {
    // Quota exceeded: nothing better to do than keep the text on screen.
  }
}

export function clearDraft(key: string): void {
  storage()?.removeItem(key);
}

/** Ids of this blog's entries with unsaved edits in this browser, so their editors reopen after a reload. */
export function entriesWithStoredEdits(slug: string): string[] {
  const store = storage();
  if (!store) return [];
  const prefix = `${PREFIX}${slug}:`;
  const ids: string[] = [];
  for (let i = 0; i < store.length; i++) {
    const key = store.key(i);
    if (key?.startsWith(prefix) && key !== `${prefix}new`) ids.push(key.slice(prefix.length));
  }
  return ids;
}

/** A fresh Idempotency-Key for one new entry (crypto.randomUUID needs a secure context; this does not). */
export function newPublishKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}
