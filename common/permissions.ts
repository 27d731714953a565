// Who may do what. Pure rules, so they are unit-tested without a database.
import type { EntryStatus, Role } from "./contracts/dto";
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
  /** Make an entry public: publish it now or schedule it (contributors submit instead). */
  | "entry:publish"
  /** Send one's entry to an editor for review (status SUBMITTED): contributors. */
  | "entry:submit"
  /** Publish, send back or reject a submitted entry (POST …/review). */
  | "entry:review"
  /** See an entry nobody reads yet (draft, scheduled, submitted, returned, rejected): one's own, or anyone's. */
  | "entry:see-unpublished"
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

/** Actions that touch one entry also need to know whose entry it is, and where it stands. */
export interface ActionContext {
  authorId?: string;
  status?: EntryStatus;
}

/** Who may do what to anyone's entries and to the site. */
const EDITOR_ACTIONS: readonly Action[] = [
  "entry:create",
  "entry:edit",
  "entry:delete",
  "entry:pin",
  "entry:post-as-other",
  "entry:publish",
  "entry:review",
  "entry:see-unpublished",
  "entry:history",
  "entry:correct",
  "blog:create",
  "blog:edit",
  "newsroom:read",
  "audit:read",
  "upload:create",
];

const GRANTED: Record<Role, ReadonlySet<Action>> = {
  ADMIN: new Set<Action>([...EDITOR_ACTIONS, "user:manage", "token:manage", "publisher:edit"]),
  EDITOR: new Set<Action>(EDITOR_ACTIONS),
  JOURNALIST: new Set<Action>(["entry:create", "entry:pin", "entry:publish", "newsroom:read", "upload:create"]),
  CONTRIBUTOR: new Set<Action>(["entry:create", "entry:submit", "newsroom:read", "upload:create"]),
};

/** What a writer may do to their own entries beyond GRANTED. */
const OWN_ENTRY_ACTIONS: Record<Role, ReadonlySet<Action>> = {
  ADMIN: new Set(),
  EDITOR: new Set(),
  JOURNALIST: new Set<Action>(["entry:edit", "entry:delete", "entry:history", "entry:see-unpublished"]),
  CONTRIBUTOR: new Set<Action>(["entry:edit", "entry:delete", "entry:history", "entry:see-unpublished"]),
};

/**
 * A contributor's own entry is theirs to change until an editor has it: a draft, one waiting for review (before
 * anyone acts), or one sent back. Published and rejected ones are the editors' alone.
 */
const CONTRIBUTOR_EDITABLE: ReadonlySet<EntryStatus> = new Set<EntryStatus>(["DRAFT", "SUBMITTED", "RETURNED"]);

export function can(actor: Actor | null, action: Action, context: ActionContext = {}): boolean {
  if (!actor) return false;
  if (GRANTED[actor.role].has(action)) return true;
  if (!OWN_ENTRY_ACTIONS[actor.role].has(action) || context.authorId !== actor.id) return false;
  if (actor.role !== "CONTRIBUTOR" || action === "entry:see-unpublished") return true;
  return context.status !== undefined && CONTRIBUTOR_EDITABLE.has(context.status);
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
    "entry:publish": "publish or schedule entries (submit it for review instead: status SUBMITTED)",
    "entry:submit": "submit entries for review (publish or save it as a draft instead)",
    "entry:review": "review contributors' submissions",
    "entry:see-unpublished": "see this entry",
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
