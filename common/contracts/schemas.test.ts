import { describe, expect, it } from "vitest";
import type { ZodError } from "zod";
import { ENTRY_LABELS } from "./dto";
import {
  createEntrySchema,
  describeZodError,
  entryListQuerySchema,
  joinRequestSchema,
  slugSchema,
  updateEntrySchema,
} from "./schemas";

const errorOf = (result: { success: boolean; error?: ZodError }) =>
  result.error ? describeZodError(result.error) : "";

describe("schemas", () => {
  it("accepts newsroom slugs and refuses the rest", () => {
    for (const ok of ["storm-orla-live", "election-2026", "ab"]) expect(slugSchema.safeParse(ok).success).toBe(true);
    for (const bad of ["A", "Has Space", "-lead", "trail-", "dou--ble", "x".repeat(81), "ünï"])
      expect(slugSchema.safeParse(bad).success).toBe(false);
  });

  it("defaults a new entry to published, not a key event", () => {
    expect(createEntrySchema.parse({ body: "<p>x</p>" })).toEqual({
      body: "<p>x</p>",
      status: "PUBLISHED",
      keyEvent: false,
    });
  });

  it("names the wrong field and refuses unknown ones", () => {
    expect(errorOf(createEntrySchema.safeParse({ body: "" }))).toMatch(/^body: /);
    expect(errorOf(createEntrySchema.safeParse({ body: "<p>x</p>", pinned: true }))).toMatch(/pinned/);
    expect(errorOf(updateEntrySchema.safeParse({ headline: "x" }))).toMatch(/^version: version is required/);
    expect(errorOf(joinRequestSchema.safeParse({ slug: "ok-slug", since: 1.5 }))).toMatch(/^since: /);
  });

  it("takes an entry label only from the list; empty or null is none", () => {
    expect(createEntrySchema.parse({ body: "<p>x</p>", label: " Key event " }).label).toBe("Key event");
    expect(createEntrySchema.parse({ body: "<p>x</p>", label: "" }).label).toBe("");
    expect(updateEntrySchema.parse({ version: 1, label: null }).label).toBeNull();
    for (const label of ENTRY_LABELS) expect(updateEntrySchema.parse({ version: 1, label }).label).toBe(label);
    const listed = "label: label must be one of Breaking, Key event, ICYMI, Analysis, Full report, or null for none";
    expect(errorOf(createEntrySchema.safeParse({ body: "<p>x</p>", label: "Travel" }))).toBe(listed);
    expect(errorOf(updateEntrySchema.safeParse({ version: 1, label: "breaking" }))).toBe(listed);
    expect(errorOf(updateEntrySchema.safeParse({ version: 1, label: 7 }))).toMatch(/^label: /);
  });

  it("coerces and bounds list queries", () => {
    expect(entryListQuerySchema.parse({ limit: "5", pinned: "false" })).toEqual({
      limit: 5,
      order: "desc",
      pinned: false,
      status: "published",
    });
    expect(entryListQuerySchema.parse({})).toEqual({ limit: 20, order: "desc", status: "published" });
    expect(entryListQuerySchema.parse({ status: "all" })).toMatchObject({ status: "all" });
    expect(errorOf(entryListQuerySchema.safeParse({ status: "drafts" }))).toMatch(/^status: /);
    expect(errorOf(entryListQuerySchema.safeParse({ limit: "500" }))).toMatch(/^limit: /);
    expect(entryListQuerySchema.parse({ order: "asc", after: "c" })).toMatchObject({ order: "asc", after: "c" });
    expect(errorOf(entryListQuerySchema.safeParse({ order: "up" }))).toMatch(/^order: /);
    // A cursor pages on in its list's direction only.
    expect(errorOf(entryListQuerySchema.safeParse({ order: "asc", before: "c" }))).toMatch(/^before: /);
    expect(errorOf(entryListQuerySchema.safeParse({ after: "c" }))).toMatch(/^after: /);
  });
});
