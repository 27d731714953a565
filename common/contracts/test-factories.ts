// The one place tests build contract objects by hand: tests pass only the fields they are about. Entries
// go through entrySchema, so they are valid EntryDTOs and a field added with a default needs no change here.
import { entrySchema, type BlogDTO, type EntryDTO } from "./dto";

const AT = "2026-01-01T10:00:00.000Z";

/** A published entry by "Test author" in blog "b", at 2026-01-01 10:00 UTC; `overrides` set what the test is about. */
export function entryDTO(overrides: Partial<EntryDTO> = {}): EntryDTO {
  return entrySchema.parse({
    id: "e1",
    blog: "b",
    headline: null,
    body: "<p>text</p>",
    author: { id: "u1", name: "Test author" },
    status: "PUBLISHED",
    publishedAt: AT,
    version: 1,
    createdAt: AT,
    updatedAt: AT,
    ...overrides,
  });
}

/** A live blog "b" at seq 0. */
export function blogDTO(overrides: Partial<BlogDTO> = {}): BlogDTO {
  return {
    slug: "b",
    title: "B",
    summary: "",
    status: "LIVE",
    seq: 0,
    createdAt: AT,
    updatedAt: AT,
    endedAt: null,
    defaultSort: "NEWEST",
    ...overrides,
  };
}
