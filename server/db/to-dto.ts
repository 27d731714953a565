// Rows to the shapes the API answers. One place, so the page, the API and events agree.
import type { AuditAction, AuditEventDTO, BlogDTO, EntryDTO, UserDTO } from "@/common/contracts/dto";
import type { AuditEvent, Blog, Entry, EntryCorrection, User } from "./types";

export type EntryRow = Entry & {
  author: Pick<User, "id" | "displayName">;
  /** The blog's labels give the entry's label its colour. */
  blog: Pick<Blog, "slug"> & { labels: { name: string; colour: string }[] };
  corrections: Pick<EntryCorrection, "id" | "text" | "createdAt">[];
};

/** What readers may see of a blog's entries: published and not deleted. */
export const visibleToReaders = { status: "PUBLISHED", deletedAt: null } as const;

export const entryInclude = {
  author: { select: { id: true, displayName: true } },
  blog: { select: { slug: true, labels: { select: { name: true, colour: true } } } },
  corrections: { select: { id: true, text: true, createdAt: true }, orderBy: { createdAt: "asc" } },
} as const;

export function toEntryDTO(row: EntryRow): EntryDTO {
  return {
    id: row.id,
    blog: row.blog.slug,
    headline: row.headline,
    body: row.body,
    author: { id: row.author.id, name: row.author.displayName },
    status: row.status,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    scheduledAt: row.scheduledAt?.toISOString() ?? null,
    editedAt: row.editedAt?.toISOString() ?? null,
    pinned: row.pinned,
    pinOrder: row.pinned ? row.pinOrder : null,
    keyEvent: row.keyEvent,
    label: row.label,
    labelColour: row.blog.labels.find((label) => label.name === row.label)?.colour ?? null,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    corrections: row.corrections.map((note) => ({
      id: note.id,
      text: note.text,
      createdAt: note.createdAt.toISOString(),
    })),
  };
}

export function toBlogDTO(row: Blog): BlogDTO {
  return {
    slug: row.slug,
    title: row.title,
    summary: row.summary,
    status: row.status,
    seq: row.seq,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    endedAt: row.endedAt?.toISOString() ?? null,
    defaultSort: row.defaultSort,
  };
}

export function toUserDTO(row: User): UserDTO {
  return { id: row.id, email: row.email, displayName: row.displayName, role: row.role, active: row.active };
}

export type AuditRow = AuditEvent & { actor: Pick<User, "id" | "displayName"> | null; blog: Pick<Blog, "slug"> };

export const auditInclude = {
  actor: { select: { id: true, displayName: true } },
  blog: { select: { slug: true } },
} as const;

export function toAuditEventDTO(row: AuditRow): AuditEventDTO {
  return {
    id: row.id,
    blog: row.blog.slug,
    // Only recordAudit writes this column, always with an AuditAction.
    action: row.action as AuditAction,
    actor: row.actor ? { id: row.actor.id, name: row.actor.displayName } : null,
    entryId: row.entryId,
    summary: row.summary,
    createdAt: row.createdAt.toISOString(),
  };
}
