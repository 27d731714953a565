// The shapes the API answers and socket events carry. Isomorphic: no Node or Prisma here.

export type Role = "ADMIN" | "EDITOR" | "JOURNALIST";
export type BlogStatus = "LIVE" | "ENDED";
export type EntryStatus = "DRAFT" | "PUBLISHED";

export interface AuthorDTO {
  id: string;
  name: string;
}

export interface EntryDTO {
  id: string;
  blog: string;
  headline: string | null;
  /** Sanitized HTML. */
  body: string;
  author: AuthorDTO;
  status: EntryStatus;
  publishedAt: string | null;
  pinned: boolean;
  keyEvent: boolean;
  label: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface BlogDTO {
  slug: string;
  title: string;
  summary: string;
  status: BlogStatus;
  seq: number;
  createdAt: string;
  updatedAt: string;
  endedAt: string | null;
}

export interface UserDTO {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  active: boolean;
}

export interface EntryPage {
  entries: EntryDTO[];
  /** Pass as `before` to get the next (older) page; null when there is none. */
  nextCursor: string | null;
}
