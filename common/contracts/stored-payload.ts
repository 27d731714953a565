// JSON kept to be read back later, possibly by another version of the code: idempotency answers in the
// database (server/db/idempotency.ts), composer drafts in the browser (components/admin/composer/draft-storage.ts).
// Each is written as { v, data } and parsed when read: a field added since it was written takes its
// schema's `.default()`, an older version is upgraded step by step, and anything else is reported, never cast.
import type { z } from "zod";
import { describeZodError } from "./schemas";

export interface StoredFormat<T> {
  /** The version written now. Version 0 is what was stored before versions existed: the bare data. */
  version: number;
  /** The current version's data, with a `.default()` for every field added after such payloads were first stored. */
  schema: z.ZodType<T>;
  /** `upgrades[n]` turns version n's data into version n + 1's, for every n below `version`. */
  upgrades: Readonly<Record<number, (data: unknown) => unknown>>;
}

export type StoredRead<T> = { ok: true; value: T; problem?: undefined } | { ok: false; problem: string };

export function toStoredPayload<T>(format: StoredFormat<T>, data: T): string {
  return JSON.stringify({ v: format.version, data });
}

/** Never throws: a payload that cannot be read comes back as `{ ok: false, problem }` for the caller to handle. */
export function readStoredPayload<T>(format: StoredFormat<T>, text: string): StoredRead<T> {
  let stored: unknown;
  try {
    stored = JSON.parse(text);
  } catch {
    return { ok: false, problem: "not JSON" };
  }
  let { version, data } = envelopeOf(stored);
  if (version > format.version) {
    return { ok: false, problem: `version ${version} is newer than this code reads (${format.version})` };
  }
  for (; version < format.version; version++) {
    const upgrade = format.upgrades[version];
    if (!upgrade) return { ok: false, problem: `no upgrade from version ${version}` };
    try {
      data = upgrade(data);
    } catch (error) {
      return { ok: false, problem: `upgrade from version ${version} failed: ${String(error)}` };
    }
  }
  const parsed = format.schema.safeParse(data);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, problem: describeZodError(parsed.error) };
}

function envelopeOf(stored: unknown): { version: number; data: unknown } {
  if (stored && typeof stored === "object" && "v" in stored && "data" in stored) {
    const { v, data } = stored;
    if (typeof v === "number" && Number.isInteger(v) && v >= 1) return { version: v, data };
  }
  return { version: 0, data: stored };
}
