// The shapes the API answers and socket events carry. Isomorphic: no Node or Prisma here.

export type Role = "ADMIN" | "EDITOR" | "JOURNALIST";
export type BlogStatus = "LIVE" | "ENDED";
/** SCHEDULED entries publish themselves at `scheduledAt`. */
export type EntryStatus = "DRAFT" | "SCHEDULED" | "PUBLISHED";

/** The labels a writer may give an entry (shown above its headline); the API refuses any other. */
export const ENTRY_LABELS = ["Breaking", "Key event", "ICYMI", "Analysis", "Full report"] as const;
export type EntryLabel = (typeof ENTRY_LABELS)[number];

export function isEntryLabel(value: string): value is EntryLabel {
  return (ENTRY_LABELS as readonly string[]).includes(value);
}

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
  /** When a SCHEDULED entry will publish. */
  scheduledAt: string | null;
  /** Last change to the headline, body or label after publishing; readers see "Updated HH:MM". */
  editedAt: string | null;
  pinned: boolean;
  keyEvent: boolean;
  /**
   * One of ENTRY_LABELS for anything written since the list was enforced; entries stored before may hold any
   * other text (up to 40 characters), so readers take it as plain text and never assume it is in the list.
   */
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
  /**
   * Readers' list: the blog's seq read before these entries. The page is at least this current, so a client
   * that replays the events after it is up to date (replaying one it already shows changes nothing).
   */
  seq?: number;
}

/** A blog as the newsroom dashboard lists it. */
export interface BlogSummaryDTO extends BlogDTO {
  /** Published entries, not deleted. */
  entryCount: number;
  /** Drafts and scheduled entries, not deleted. */
  pendingCount: number;
  lastPublishedAt: string | null;
}

/** Someone who may be named as an entry's author. */
export interface ContributorDTO {
  id: string;
  name: string;
  role: Role;
}

export type AuditAction =
  | "blog.created"
  | "blog.edited"
  | "blog.ended"
  | "blog.reopened"
  | "entry.drafted"
  | "entry.scheduled"
  | "entry.published"
  | "entry.edited"
  | "entry.unpublished"
  | "entry.deleted"
  | "entry.pinned"
  | "entry.unpinned"
  | "entry.key-event-set"
  | "entry.key-event-cleared";

export interface AuditEventDTO {
  id: string;
  blog: string;
  action: AuditAction;
  /** Null when the system did it (the scheduler publishing on time). */
  actor: AuthorDTO | null;
  entryId: string | null;
  /** One human line, e.g. the entry's headline or the fields that changed. */
  summary: string;
  createdAt: string;
}

export interface UploadDTO {
  /** Path to use in an <img src>, e.g. /uploads/2f1c….webp */
  url: string;
  contentType: string;
  bytes: number;
}

/** What a reader's page is rendered from; the browser keeps it live from there. */
export interface InitialFeed {
  blog: BlogDTO;
  /** Pinned entries, shown on top, newest first. */
  pinned: EntryDTO[];
  /** The stream of unpinned entries loaded so far, newest first. */
  entries: EntryDTO[];
  /** Cursor for "Load older"; null when everything is loaded. */
  nextCursor: string | null;
  /** The last event sequence number applied. */
  seq: number;
  /** Key events loaded apart from the stream (without them, the loaded ones are used). */
  keyEvents?: EntryDTO[];
}
