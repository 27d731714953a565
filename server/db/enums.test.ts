// The contracts define each enum once (common/contracts/dto.ts); Prisma generates its own from
// prisma/models.prisma. This keeps the two from drifting: the types are compared by tsc, the values here.
import { describe, expect, it } from "vitest";
import {
  BLOG_STATUSES,
  ENTRY_STATUSES,
  FEED_ORDERS,
  ROLES,
  type BlogStatus,
  type EntryStatus,
  type FeedOrder,
  type Role,
} from "@/common/contracts/dto";
import * as postgresql from "./generated/postgresql/enums.ts";
import * as sqlite from "./generated/sqlite/enums.ts";

type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

// A failing line here means an enum changed on one side only: change prisma/models.prisma and
// common/contracts/dto.ts together (and add a migration).
const sameTypes: [
  Same<Role, sqlite.Role>,
  Same<Role, postgresql.Role>,
  Same<BlogStatus, sqlite.BlogStatus>,
  Same<BlogStatus, postgresql.BlogStatus>,
  Same<EntryStatus, sqlite.EntryStatus>,
  Same<EntryStatus, postgresql.EntryStatus>,
  Same<FeedOrder, sqlite.FeedOrder>,
  Same<FeedOrder, postgresql.FeedOrder>,
] = [true, true, true, true, true, true, true, true];

describe("enums in the contracts and in Prisma", () => {
  it("have the same types", () => {
    expect(sameTypes.every(Boolean)).toBe(true);
  });

  it.each([
    ["Role", ROLES],
    ["BlogStatus", BLOG_STATUSES],
    ["EntryStatus", ENTRY_STATUSES],
    ["FeedOrder", FEED_ORDERS],
  ] as const)("%s has the same values for both providers", (name, values) => {
    for (const generated of [sqlite, postgresql]) {
      expect(Object.values(generated[name]).sort()).toEqual([...values].sort());
    }
  });
});
