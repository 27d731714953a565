// For data-layer tests: one fresh, migrated database per test file (a PostgreSQL database when DATABASE_URL is
// one), with the people the file needs signed up, and closed when the file is done.
import { afterAll, beforeAll } from "vitest";
import type { Role } from "@/common/contracts/dto";
import type { Actor } from "@/common/permissions";
import { insertUser } from "../db/users";
import { openTestDatabase } from "./harness";

type OpenDatabase = Awaited<ReturnType<typeof openTestDatabase>>;

export interface TestDatabase<Name extends string> {
  /** The open database's client: read it inside tests and hooks (it opens in the file's beforeAll). */
  readonly prisma: OpenDatabase["prisma"];
  /** One actor per name asked for, each a user `{name}@x.org` with that role; filled in before the first test. */
  readonly people: Record<Name, Actor>;
}

export function useTestDatabase<const Name extends string>(roles: Record<Name, Role>): TestDatabase<Name> {
  let opened: OpenDatabase | undefined;
  // The same objects before and after beforeAll, so a file can take them apart at its top.
  const people = Object.fromEntries(
    Object.entries<Role>(roles).map(([name, role]) => [name, { id: "", role, name }]),
  ) as Record<Name, Actor>;

  beforeAll(async () => {
    opened = await openTestDatabase();
    for (const [name, actor] of Object.entries<Actor>(people)) {
      const user = await insertUser(opened.prisma, { email: `${name}@x.org`, role: actor.role, password: "password1" });
      Object.assign(actor, { id: user.id, name: user.displayName });
    }
  });
  afterAll(async () => {
    await opened?.dispose();
  });

  return {
    get prisma() {
      if (!opened) throw new Error("the test database opens in beforeAll: read it inside a test or hook");
      return opened.prisma;
    },
    people,
  };
}
