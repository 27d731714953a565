// The realtime protocol, typed once and imported by the server and the browser.
import type { BlogDTO, EntryDTO, ReviewDTO } from "./dto";

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

/** Editors put the blog's pinned entries in a new order: `order` holds every pinned entry's id, first on top. */
export interface PinsReorderedPayload {
  blog: string;
  seq: number;
  order: string[];
}

/** Events the server sends, past tense, `domain:verb`. */
export interface ServerToClientEvents {
  "entry:published": (payload: EntryEventPayload) => void;
  "entry:updated": (payload: EntryEventPayload) => void;
  "entry:deleted": (payload: EntryDeletedPayload) => void;
  "entry:pinned": (payload: EntryEventPayload) => void;
  "entry:unpinned": (payload: EntryEventPayload) => void;
  "pins:reordered": (payload: PinsReorderedPayload) => void;
  "blog:updated": (payload: BlogUpdatedPayload) => void;
}

export type BlogEventType = keyof ServerToClientEvents;
export type BlogEventPayload<T extends BlogEventType> = Parameters<ServerToClientEvents[T]>[0];

/** One entry of a blog's event log, as replayed over HTTP or on join. */
export type BlogEvent = {
  [T in BlogEventType]: { type: T; payload: BlogEventPayload<T> };
}[BlogEventType];

/** Every logged event type, once: the compiler refuses this object if one is missing or unknown. */
const LOGGED_EVENT_TYPES = {
  "entry:published": true,
  "entry:updated": true,
  "entry:deleted": true,
  "entry:pinned": true,
  "entry:unpinned": true,
  "pins:reordered": true,
  "blog:updated": true,
} as const satisfies Record<BlogEventType, true>;

export const BLOG_EVENT_TYPES = Object.keys(LOGGED_EVENT_TYPES) as readonly BlogEventType[];

export interface JoinRequest {
  slug: string;
  /** Replay what changed after this sequence number (in the ack) before live events. */
  since?: number;
}

export type Ack<T> = { data: T; error?: undefined } | { error: string; data?: undefined };
/**
 * `readers`: how many are watching this blog now (later changes come as `blog:readers`).
 * `events` (a join with `since`): what changed after `since` up to `seq`, as an HTTP replay page has it
 * (EventsPage): one event per entry as it is now, so apply it as a page (EventSequencer.applyPage).
 * `reset: true`: nothing was replayed, because the event log no longer reaches back to `since` or more
 * changed since then than one replay carries; reload the blog's first page (reading its seq first) and
 * carry on from there.
 */
export type JoinAck =
  | { seq: number; readers: number; events?: BlogEvent[]; reset?: boolean; error?: undefined }
  | { error: string; seq?: undefined; readers?: undefined; events?: undefined; reset?: undefined };

/** Who made a change, as the server knows them (the session or token of the request), never as a client says. */
export interface ChangedBy {
  id: string;
  name: string;
}

/** An entry as it now is, and who saved it (null: the system did, e.g. the scheduler publishing it on time). */
export interface EntrySavedPayload {
  blog: string;
  entry: EntryDTO;
  by: ChangedBy | null;
}

/** The most entries one newsroom socket may say it is editing at once. */
export const PRESENCE_MAX_EDITING = 3;

/** One person in a blog's newsroom: every tab of theirs on every node together. */
export interface PresencePerson {
  id: string;
  name: string;
  /** Entry ids they have open in an editor (at most PRESENCE_MAX_EDITING per tab). */
  editing: string[];
}

/**
 * Everyone in a blog's newsroom workspace right now, by name: the whole list each time (the latest one is the
 * truth), sent when it changes and to a socket as it joins. Not logged, never replayed.
 */
export interface PresencePayload {
  blog: string;
  people: PresencePerson[];
}

/** The newsroom's lists a socket may watch (admin:watch), each for those who may read it. */
export type WatchRequest = { list: "blogs" } | { list: "users" } | { list: "audit"; slug: string };

/**
 * Events the newsroom's admin stream gets: every entry change, drafts and scheduled ones too. A contributor's
 * socket gets only the published entries and their own (server/realtime/create-realtime-server.ts).
 */
export interface NewsroomEvents {
  "admin:entry-saved": (payload: EntrySavedPayload) => void;
  "admin:entry-removed": (payload: { blog: string; id: string }) => void;
  /**
   * A step of an entry's review, with the entry as it now is: a contributor submitted it, an editor published,
   * returned or rejected it. To the blog's editors and admins, and to the entry's contributor.
   */
  "admin:entry-reviewed": (payload: { blog: string; entry: EntryDTO; review: ReviewDTO }) => void;
  "presence:changed": (payload: PresencePayload) => void;
  /**
   * A watched list changed: read it again from the API (which checks the reader's permission every time).
   * The notice names what changed and carries nothing else.
   */
  "admin:blogs-changed": (payload: { blog: string }) => void;
  "admin:audit-changed": (payload: { blog: string }) => void;
  "admin:users-changed": (payload: { user: string | null }) => void;
}

export type AdminJoinAck = { ok: true; error?: undefined } | { error: string; ok?: undefined };

/** Events the client sends. */
export interface ClientToServerEvents {
  "blog:join": (request: JoinRequest, ack: (answer: JoinAck) => void) => void;
  "blog:leave": (request: { slug: string }) => void;
  /** Needs a signed-in writer (session cookie on the socket's handshake); contributors follow their own entries. */
  "admin:join": (request: { slug: string }, ack: (answer: AdminJoinAck) => void) => void;
  /**
   * The entries this socket has open in an editor in a blog whose newsroom it joined (the whole list each time,
   * at most PRESENCE_MAX_EDITING, each one it may edit); who is editing comes from its session, never from here.
   */
  "presence:editing": (request: { slug: string; entries: string[] }, ack: (answer: AdminJoinAck) => void) => void;
  /** Live notices for one of the newsroom's lists: the dashboard's blogs, the users, a blog's audit log. */
  "admin:watch": (request: WatchRequest, ack: (answer: AdminJoinAck) => void) => void;
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

/**
 * What changed after the `since` asked for, up to `seq`: one event per entry that changed (its current
 * version, or `entry:deleted` when readers may no longer see it) and one `blog:updated` if the blog did,
 * oldest first, each with the seq of the last change it stands for. Seqs in between are covered, not
 * missing: apply the page as a whole (EventSequencer.applyPage). Nothing edited away, unpublished or
 * deleted is ever replayed.
 */
export interface EventsPage {
  events: BlogEvent[];
  /** Where the page ends: a client that applied it is at this seq. */
  seq: number;
  /** True when more changed after `seq`: ask again with `since=seq`. */
  hasMore: boolean;
}
