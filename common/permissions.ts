// Who may do what. Pure rules, so they are unit-tested without a database.
import type { Role } from "./contracts/dto";
import { AppError } from "@/common/app-error";

export interface Actor {
  id: string;
  role: Role;
  name: string;
}

export type Action =
  | "entry:create"
  | "entry:edit"
  | "entry:delete"
  | "entry:pin"
  | "entry:post-as-other"
  /** An entry's saved versions (History) and restoring one: whoever may edit the entry. */
  | "entry:history"
  /** Attaching a public correction note to a published entry: an editorial decision, editors and admins only. */
  | "entry:correct"
  | "blog:create"
  | "blog:edit"
  /** Drafts, scheduled entries, the dashboard, the contributor list, the admin socket room. */
  | "newsroom:read"
  | "audit:read"
  | "upload:create"
  | "user:manage"
  | "token:manage"
  /** The publisher's name, logo, accent colour, time zone and locale (/admin/settings). */
  | "publisher:edit";

/** Actions that touch one entry also need to know whose entry it is. */
export interface ActionContext {
  authorId?: string;
}

const EDITOR_ACTIONS: ReadonlySet<Action> = new Set<Action>([
  "entry:create",
  "entry:edit",
  "entry:delete",
  "entry:pin",
  "entry:post-as-other",
  "entry:history",
  "entry:correct",
  "blog:create",
  "blog:edit",
  "newsroom:read",
  "audit:read",
  "upload:create",
]);

export function can(actor: Actor | null, action: Action, context: ActionContext = {}): boolean {
  if (!actor) return false;
  switch (actor.role) {
    case "ADMIN":
      return true;
    case "EDITOR":
      return EDITOR_ACTIONS.has(action);
    case "JOURNALIST":
      if (
        action === "entry:create" ||
        action === "entry:pin" ||
        action === "newsroom:read" ||
        action === "upload:create"
      )
        return true;
      // Journalists own their entries and nobody else's.
      if (action === "entry:edit" || action === "entry:delete" || action === "entry:history")
        return context.authorId === actor.id;
      return false;
  }
}

/** Throws 401 for nobody, 403 for someone not allowed. */
export function requirePermission(actor: Actor | null, action: Action, context?: ActionContext): Actor {
  if (!actor) throw new AppError("UNAUTHENTICATED", "sign in or send an API token to do this");
  if (!can(actor, action, context)) {
    throw new AppError("FORBIDDEN", `a ${actor.role.toLowerCase()} may not ${describe(action)}`);
  }
  return actor;
}

function describe(action: Action): string {
  const words: Record<Action, string> = {
    "entry:create": "create entries",
    "entry:edit": "edit this entry",
    "entry:delete": "delete this entry",
    "entry:pin": "pin entries",
    "entry:post-as-other": "post as another contributor",
    "entry:history": "see or restore this entry's earlier versions",
    "entry:correct": "attach correction notes (editors do)",
    "blog:create": "create blogs",
    "blog:edit": "edit blogs",
    "newsroom:read": "see the newsroom's work in progress",
    "audit:read": "read the audit log",
    "upload:create": "upload images",
    "user:manage": "manage users",
    "token:manage": "manage API tokens",
    "publisher:edit": "change the publisher settings",
  };
  return words[action];
}
