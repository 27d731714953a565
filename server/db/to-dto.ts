// Rows to the shapes the API answers. One place, so the page, the API and events agree.
import type { BlogDTO, EntryDTO, UserDTO } from "../contracts/dto";
import type { Blog, Entry, User } from "./types";

export type EntryRow = Entry & { author: Pick<User, "id" | "displayName">; blog: Pick<Blog, "slug"> };

export const entryInclude = {
  author: { select: { id: true, displayName: true } },
  blog: { select: { slug: true } },
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
    pinned: row.pinned,
    keyEvent: row.keyEvent,
    label: row.label,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
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
  };
}

export function toUserDTO(row: User): UserDTO {
  return { id: row.id, email: row.email, displayName: row.displayName, role: row.role, active: row.active };
}
