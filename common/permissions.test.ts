import { describe, expect, it } from "vitest";
import type { EntryStatus } from "./contracts/dto";
import { can, requirePermission, type Actor, type Action } from "./permissions";

const admin: Actor = { id: "a", role: "ADMIN", name: "Ada" };
const editor: Actor = { id: "e", role: "EDITOR", name: "Eve" };
const journalist: Actor = { id: "j", role: "JOURNALIST", name: "Jo" };

describe("can", () => {
  it("lets nobody anonymous write anything", () => {
    const actions: Action[] = [
      "entry:create",
      "entry:edit",
      "entry:delete",
      "entry:pin",
      "blog:create",
      "blog:edit",
      "user:manage",
      "token:manage",
      "publisher:edit",
    ];
    for (const action of actions) expect(can(null, action)).toBe(false);
  });

  it("lets journalists create, pin any entry, and edit or delete only their own", () => {
    expect(can(journalist, "entry:create")).toBe(true);
    expect(can(journalist, "entry:pin", { authorId: "someone-else" })).toBe(true);
    expect(can(journalist, "entry:edit", { authorId: "j" })).toBe(true);
    expect(can(journalist, "entry:edit", { authorId: "e" })).toBe(false);
    expect(can(journalist, "entry:delete", { authorId: "j" })).toBe(true);
    expect(can(journalist, "entry:delete", { authorId: "e" })).toBe(false);
    expect(can(journalist, "entry:post-as-other")).toBe(false);
    expect(can(journalist, "blog:create")).toBe(false);
    expect(can(journalist, "blog:edit")).toBe(false);
  });

  it("lets editors do everything on entries and blogs, but not users or tokens", () => {
    expect(can(editor, "entry:edit", { authorId: "j" })).toBe(true);
    expect(can(editor, "entry:delete", { authorId: "j" })).toBe(true);
    expect(can(editor, "entry:post-as-other")).toBe(true);
    expect(can(editor, "blog:create")).toBe(true);
    expect(can(editor, "user:manage")).toBe(false);
    expect(can(editor, "token:manage")).toBe(false);
    expect(can(editor, "publisher:edit")).toBe(false);
    expect(can(journalist, "publisher:edit")).toBe(false);
  });

  it("lets admins manage users and tokens", () => {
    expect(can(admin, "user:manage")).toBe(true);
    expect(can(admin, "token:manage")).toBe(true);
    expect(can(admin, "publisher:edit")).toBe(true);
  });

  it("lets every writer into the newsroom and uploads, but only editors and admins read the audit log", () => {
    for (const actor of [admin, editor, journalist]) {
      expect(can(actor, "newsroom:read")).toBe(true);
      expect(can(actor, "upload:create")).toBe(true);
    }
    expect(can(null, "newsroom:read")).toBe(false);
    expect(can(admin, "audit:read")).toBe(true);
    expect(can(editor, "audit:read")).toBe(true);
    expect(can(journalist, "audit:read")).toBe(false);
  });
});

describe("history and corrections", () => {
  it("lets whoever may edit an entry read its history; only editors and admins attach corrections", () => {
    expect(can(journalist, "entry:history", { authorId: "j" })).toBe(true);
    expect(can(journalist, "entry:history", { authorId: "e" })).toBe(false);
    expect(can(editor, "entry:history", { authorId: "j" })).toBe(true);
    expect(can(null, "entry:history")).toBe(false);
    // A public correction is an editorial decision, even on a journalist's own entry.
    expect(can(journalist, "entry:correct", { authorId: "j" })).toBe(false);
    expect(can(editor, "entry:correct", { authorId: "j" })).toBe(true);
    expect(can(admin, "entry:correct")).toBe(true);
    expect(can(null, "entry:correct")).toBe(false);
  });
});

describe("requirePermission", () => {
  it("answers 401 for nobody and 403 for the wrong role", () => {
    expect(() => requirePermission(null, "entry:create")).toThrow(expect.objectContaining({ status: 401 }));
    expect(() => requirePermission(journalist, "blog:create")).toThrow(expect.objectContaining({ status: 403 }));
    expect(requirePermission(editor, "blog:create")).toBe(editor);
  });
});

describe("the permissions table", () => {
  const contributor: Actor = { id: "c", role: "CONTRIBUTOR", name: "Cy" };
  const actors = { admin, editor, journalist, contributor };
  type Who = keyof typeof actors;
  // Each row: the action (on someone else's entry, or on one's own with its status), and who may do it.
  const table: [string, Action, { authorId?: (who: Who) => string; status?: EntryStatus }, Who[]][] = [
    ["create entries", "entry:create", {}, ["admin", "editor", "journalist", "contributor"]],
    ["publish or schedule", "entry:publish", {}, ["admin", "editor", "journalist"]],
    ["submit for review", "entry:submit", {}, ["contributor"]],
    ["review submissions", "entry:review", {}, ["admin", "editor"]],
    ["pin", "entry:pin", {}, ["admin", "editor", "journalist"]],
    ["post as another", "entry:post-as-other", {}, ["admin", "editor"]],
    ["see a colleague's draft", "entry:see-unpublished", { authorId: () => "x" }, ["admin", "editor"]],
    [
      "see one's own draft",
      "entry:see-unpublished",
      { authorId: (who) => actors[who].id, status: "DRAFT" },
      ["admin", "editor", "journalist", "contributor"],
    ],
    ["edit a colleague's entry", "entry:edit", { authorId: () => "x", status: "PUBLISHED" }, ["admin", "editor"]],
    ["delete a colleague's entry", "entry:delete", { authorId: () => "x", status: "SUBMITTED" }, ["admin", "editor"]],
    [
      "edit one's own draft",
      "entry:edit",
      { authorId: (who) => actors[who].id, status: "DRAFT" },
      ["admin", "editor", "journalist", "contributor"],
    ],
    [
      "edit one's own waiting submission",
      "entry:edit",
      { authorId: (who) => actors[who].id, status: "SUBMITTED" },
      ["admin", "editor", "journalist", "contributor"],
    ],
    [
      "edit one's own returned entry",
      "entry:edit",
      { authorId: (who) => actors[who].id, status: "RETURNED" },
      ["admin", "editor", "journalist", "contributor"],
    ],
    [
      "edit one's own published entry",
      "entry:edit",
      { authorId: (who) => actors[who].id, status: "PUBLISHED" },
      ["admin", "editor", "journalist"],
    ],
    [
      "edit one's own rejected entry",
      "entry:edit",
      { authorId: (who) => actors[who].id, status: "REJECTED" },
      ["admin", "editor", "journalist"],
    ],
    [
      "delete one's own published entry",
      "entry:delete",
      { authorId: (who) => actors[who].id, status: "PUBLISHED" },
      ["admin", "editor", "journalist"],
    ],
    [
      "delete one's own returned entry",
      "entry:delete",
      { authorId: (who) => actors[who].id, status: "RETURNED" },
      ["admin", "editor", "journalist", "contributor"],
    ],
    ["follow the newsroom", "newsroom:read", {}, ["admin", "editor", "journalist", "contributor"]],
    ["upload images", "upload:create", {}, ["admin", "editor", "journalist", "contributor"]],
    ["read the audit log", "audit:read", {}, ["admin", "editor"]],
    ["edit blogs", "blog:edit", {}, ["admin", "editor"]],
    ["manage users", "user:manage", {}, ["admin"]],
  ];

  it.each(table)("%s", (_, action, context, allowed) => {
    for (const who of Object.keys(actors) as Who[]) {
      const given = { ...(context.authorId ? { authorId: context.authorId(who) } : {}), status: context.status };
      expect({ who, allowed: can(actors[who], action, given) }).toEqual({ who, allowed: allowed.includes(who) });
    }
  });

  it("refuses a contributor's edit when the entry's status is not known", () => {
    expect(can(contributor, "entry:edit", { authorId: "c" })).toBe(false);
    expect(() => requirePermission(contributor, "entry:publish")).toThrow(
      expect.objectContaining({ status: 403, message: expect.stringContaining("a contributor may not publish") }),
    );
  });
});
