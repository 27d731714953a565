import { describe, expect, it } from "vitest";
import type { ZodError } from "zod";
import {
  createEntrySchema,
  createLabelSchema,
  describeZodError,
  entryListQuerySchema,
  joinRequestSchema,
  slugSchema,
  updateEntrySchema,
  updateLabelSchema,
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

  it("takes an entry label's name trimmed (the blog's list is checked by the data layer); empty or null is none", () => {
    expect(createEntrySchema.parse({ body: "<p>x</p>", label: " Analysis " }).label).toBe("Analysis");
    expect(createEntrySchema.parse({ body: "<p>x</p>", label: "" }).label).toBe("");
    expect(updateEntrySchema.parse({ version: 1, label: null }).label).toBeNull();
    expect(errorOf(createEntrySchema.safeParse({ body: "<p>x</p>", label: "x".repeat(41) }))).toMatch(/^label: /);
    expect(errorOf(updateEntrySchema.safeParse({ version: 1, label: 7 }))).toMatch(/^label: /);
  });

  it("takes a label colour only when white text on it contrasts at least 4.5:1", () => {
    expect(createLabelSchema.parse({ name: " Live ", colour: "#B91C1C" })).toEqual({ name: "Live", colour: "#b91c1c" });
    // Navy and a dark green pass; yellow, a light grey and mid orange do not.
    for (const colour of ["#1e3a8a", "#166534", "#000000"])
      expect(createLabelSchema.safeParse({ name: "L", colour }).success).toBe(true);
    for (const colour of ["#facc15", "#d4d4d4", "#f97316", "#ffffff"]) {
      expect(errorOf(createLabelSchema.safeParse({ name: "L", colour }))).toMatch(
        /^colour: colour must contrast at least 4\.5:1 with white .*has \d\.\d:1$/,
      );
    }
    expect(errorOf(createLabelSchema.safeParse({ name: "L", colour: "red" }))).toBe(
      "colour: colour must be a colour as #rrggbb",
    );
  });

  it("keeps key events out of the label list and asks for something to change", () => {
    expect(errorOf(createLabelSchema.safeParse({ name: " key EVENT ", colour: "#000000" }))).toMatch(
      /a key event is a flag/,
    );
    expect(errorOf(createLabelSchema.safeParse({ name: "", colour: "#000000" }))).toBe("name: name is required");
    expect(errorOf(updateLabelSchema.safeParse({}))).toBe("give at least one of name, colour");
    expect(errorOf(updateLabelSchema.safeParse({ position: 1 }))).toMatch(/position: not a known field/);
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
