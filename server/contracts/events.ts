// The realtime protocol, typed once and imported by the server and the browser.
import type { BlogDTO, EntryDTO } from "./dto";

export interface EntryEventPayload {
  blog: string;
  seq: number;
  entry: EntryDTO;
}

export interface EntryDeletedPayload {
  blog: string;
  seq: number;
  id: string;
}

export interface BlogUpdatedPayload {
  blog: string;
  seq: number;
  details: BlogDTO;
}

/** Events the server sends, past tense, `domain:verb`. */
export interface ServerToClientEvents {
  "entry:published": (payload: EntryEventPayload) => void;
  "entry:updated": (payload: EntryEventPayload) => void;
  "entry:deleted": (payload: EntryDeletedPayload) => void;
  "entry:pinned": (payload: EntryEventPayload) => void;
  "entry:unpinned": (payload: EntryEventPayload) => void;
  "blog:updated": (payload: BlogUpdatedPayload) => void;
}

export type BlogEventType = keyof ServerToClientEvents;
export type BlogEventPayload<T extends BlogEventType> = Parameters<ServerToClientEvents[T]>[0];

/** One entry of a blog's event log, as replayed over HTTP or on join. */
export type BlogEvent = {
  [T in BlogEventType]: { type: T; payload: BlogEventPayload<T> };
}[BlogEventType];

export const BLOG_EVENT_TYPES: readonly BlogEventType[] = [
  "entry:published",
  "entry:updated",
  "entry:deleted",
  "entry:pinned",
  "entry:unpinned",
  "blog:updated",
];

export interface JoinRequest {
  slug: string;
  /** Replay every event after this sequence number before live ones. */
  since?: number;
}

export type Ack<T> = { data: T; error?: undefined } | { error: string; data?: undefined };
/**
 * `readers`: how many are watching this blog now (later changes come as `blog:readers`).
 * `reset: true`: the event log no longer reaches back to the `since` asked for, so nothing was replayed;
 * reload the blog's first page (reading its seq first) and carry on from there.
 */
export type JoinAck =
  | { seq: number; readers: number; reset?: boolean; error?: undefined }
  | { error: string; seq?: undefined; readers?: undefined; reset?: undefined };

/** Events the newsroom's admin stream gets: every entry change, drafts and scheduled ones too. */
export interface NewsroomEvents {
  "admin:entry-saved": (payload: { blog: string; entry: EntryDTO }) => void;
  "admin:entry-removed": (payload: { blog: string; id: string }) => void;
}

export type AdminJoinAck = { ok: true; error?: undefined } | { error: string; ok?: undefined };

/** Events the client sends. */
export interface ClientToServerEvents {
  "blog:join": (request: JoinRequest, ack: (answer: JoinAck) => void) => void;
  "blog:leave": (request: { slug: string }) => void;
  /** Needs a signed-in journalist, editor or admin (session cookie on the socket's handshake). */
  "admin:join": (request: { slug: string }, ack: (answer: AdminJoinAck) => void) => void;
}

/** How many sockets are in a blog's room on this node right now. */
export interface ReadersPayload {
  blog: string;
  count: number;
}

/**
 * Presence, not content: sent to a blog's room when its reader count changes (at most every 2 s per blog);
 * a joining socket learns the count in its join ack. Not logged, no `seq`, never replayed: the latest one is the truth.
 * Kept out of ServerToClientEvents so BlogEvent and the event log never include it.
 */
export interface PresenceEvents {
  "blog:readers": (payload: ReadersPayload) => void;
}

/** What a reader page listens to: the logged blog events and presence. */
export type ReaderServerEvents = ServerToClientEvents & PresenceEvents;

export type AllServerToClientEvents = ServerToClientEvents & NewsroomEvents & PresenceEvents;

export interface EventsPage {
  events: BlogEvent[];
  /** The blog's newest sequence number when the page was read. */
  seq: number;
  /** True when more events exist after the last one returned. */
  hasMore: boolean;
}
