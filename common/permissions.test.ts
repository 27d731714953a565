import { describe, expect, it } from "vitest";
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
