// User administration against a real database: role and name changes, deactivation ending sessions at once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/common/permissions";
import { openTestDatabase } from "../test/harness";
import { opened } from "../test/committed";
import { createSession, findSessionActor } from "./sessions";
import { findTokenActor, insertApiToken } from "./tokens";
import { insertUser, listContributors, updateUser } from "./users";

let database: Awaited<ReturnType<typeof openTestDatabase>>;
let admin: Actor;
let editor: Actor;

beforeAll(async () => {
  database = await openTestDatabase();
  const a = await insertUser(database.prisma, {
    email: "a@x.org",
    role: "ADMIN",
    password: "password1",
    displayName: "Ada",
  });
  const e = await insertUser(database.prisma, {
    email: "e@x.org",
    role: "EDITOR",
    password: "password1",
    displayName: "Eve",
  });
  admin = { id: a.id, role: a.role, name: a.displayName };
  editor = { id: e.id, role: e.role, name: e.displayName };
});

afterAll(async () => {
  await database?.dispose();
});

describe("updateUser", () => {
  it("changes name and role, admins only", async () => {
    const db = database.prisma;
    const j = await insertUser(db, { email: "j@x.org", role: "JOURNALIST", password: "password1" });
    await expect(updateUser(db, editor, j.id, { role: "EDITOR" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(updateUser(db, null, j.id, { role: "EDITOR" })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    expect(opened(await updateUser(db, admin, j.id, { role: "EDITOR", displayName: "Jo" }))).toMatchObject({
      role: "EDITOR",
      displayName: "Jo",
      active: true,
    });
    await expect(updateUser(db, admin, "nobody", { displayName: "X" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("never leaves the site without an active admin, even for an admin acting on a stale sign-in", async () => {
    const db = database.prisma;
    const p = await insertUser(db, { email: "p@x.org", role: "ADMIN", password: "password1" });
    const other = { id: p.id, role: p.role, name: p.displayName };
    // Ada and P are the only admins. P demotes Ada; Ada's request, authorized a moment before, comes next.
    expect(opened(await updateUser(db, other, admin.id, { role: "EDITOR" }))).toMatchObject({ role: "EDITOR" });
    await expect(updateUser(db, admin, p.id, { active: false })).rejects.toMatchObject({
      code: "CONFLICT",
      message: "this would leave no active admin; make another user an admin first",
    });
    await expect(updateUser(db, admin, p.id, { role: "JOURNALIST" })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await db.user.count({ where: { role: "ADMIN", active: true } })).toBe(1);
    // Changes that take no admin away still go through.
    expect(opened(await updateUser(db, admin, p.id, { displayName: "Pat" }))).toMatchObject({
      displayName: "Pat",
      role: "ADMIN",
    });
    expect(opened(await updateUser(db, other, admin.id, { role: "ADMIN" }))).toMatchObject({ role: "ADMIN" });
    expect(opened(await updateUser(db, admin, p.id, { role: "EDITOR" }))).toMatchObject({ role: "EDITOR" });
  });

  it("ends every session of a deactivated user at once; tokens stop too; reactivating needs a new sign-in", async () => {
    const db = database.prisma;
    const j = await insertUser(db, { email: "j2@x.org", role: "JOURNALIST", password: "password1" });
    const one = await createSession(db, j.id, 60_000);
    const two = await createSession(db, j.id, 60_000);
    const { token } = await insertApiToken(db, j.id, "feed");
    expect(await findSessionActor(db, one.secret)).not.toBeNull();

    // Their newsroom connections end, and cached reads that name them go.
    expect(opened(await updateUser(db, admin, j.id, { active: false }))).toMatchObject({
      active: false,
      effects: [
        { type: "disconnect-user", userId: j.id },
        { type: "drop-all-caches" },
        { type: "user-list-changed", userId: j.id },
      ],
    });
    expect(await db.session.count({ where: { userId: j.id } })).toBe(0);
    expect(await findSessionActor(db, two.secret)).toBeNull();
    expect(await findTokenActor(db, token)).toBeNull();
    expect((await listContributors(db, editor)).map((c) => c.id)).not.toContain(j.id);

    expect(opened(await updateUser(db, admin, j.id, { active: true }))).toMatchObject({
      active: true,
      effects: [{ type: "drop-all-caches" }, { type: "user-list-changed", userId: j.id }],
    });
    // A new role ends their live connections too, so what they follow is checked again under it.
    expect(opened(await updateUser(db, admin, j.id, { role: "EDITOR" })).effects).toEqual([
      { type: "disconnect-user", userId: j.id },
      { type: "drop-all-caches" },
      { type: "user-list-changed", userId: j.id },
    ]);
    expect(opened(await updateUser(db, admin, j.id, { displayName: "Renamed" })).effects).toEqual([
      { type: "drop-all-caches" },
      { type: "user-list-changed", userId: j.id },
    ]);
    expect(await findSessionActor(db, one.secret)).toBeNull();
    expect(await findTokenActor(db, token)).not.toBeNull();
  });

  it("does not let admins deactivate or demote themselves", async () => {
    const db = database.prisma;
    await expect(updateUser(db, admin, admin.id, { active: false })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringMatching(/deactivate yourself/),
    });
    await expect(updateUser(db, admin, admin.id, { role: "EDITOR" })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringMatching(/own admin role/),
    });
    expect(opened(await updateUser(db, admin, admin.id, { role: "ADMIN", displayName: "Ada L." }))).toMatchObject({
      role: "ADMIN",
      displayName: "Ada L.",
    });
  });
});

describe("listContributors", () => {
  it("lists active users by name for writers", async () => {
    const db = database.prisma;
    await expect(listContributors(db, null)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    const contributors = await listContributors(db, editor);
    expect(contributors.map((c) => c.name)).toEqual(expect.arrayContaining(["Ada L.", "Eve", "Jo"]));
    expect(contributors).toContainEqual({ id: editor.id, name: "Eve", role: "EDITOR" });
  });
});
