// What a committed change means for everyone else, and the one step that makes it happen.
//
// A write use case (server/db/*, server/auth/sign-in.ts) returns its result as a `Committed<T>`: the result
// together with the effects its commit calls for (an event for the blog's readers, the entry for the newsroom,
// cached reads to drop, newsroom connections to end). The result can only be taken by applying the effects
// (`runtime.apply(change)`, which returns it), so a route or the scheduler cannot answer with a change and
// forget to tell anyone; a new kind of effect fails to compile until `applyEffects` handles it.
import type { EntryDTO, ReviewDTO } from "@/common/contracts/dto";
import type { BlogEvent, ChangedBy } from "@/common/contracts/events";

export type Effect =
  /** A change readers see: the blog's cached reads are dropped (on every node), then the event goes to its readers. */
  | { type: "broadcast"; event: BlogEvent }
  /** An entry as it now is, drafts and scheduled ones too, for the blog's newsroom, with who saved it (null: the system). */
  | { type: "newsroom-entry-saved"; entry: EntryDTO; by: ChangedBy | null }
  /** A step of an entry's review (submitted, published, returned, rejected), for its reviewers and its contributor. */
  | { type: "newsroom-entry-reviewed"; entry: EntryDTO; review: ReviewDTO }
  /** An entry deleted, for the blog's newsroom. */
  | { type: "newsroom-entry-removed"; blog: string; id: string }
  /** A blog changed without an event for its readers (it was just created): its cached reads and the blog list go. */
  | { type: "drop-blog-cache"; blog: string }
  /** Something every blog may show changed (an author's name): every cached read goes. */
  | { type: "drop-all-caches" }
  /** A user was deactivated: their live newsroom connections end. */
  | { type: "disconnect-user"; userId: string }
  /** A session ended (sign-out, or replaced at sign-in): the newsroom connections opened with it end. */
  | { type: "disconnect-session"; secret: string }
  /** The dashboard's list of blogs changed (a blog created, edited, ended; its counts): those watching it read it again. */
  | { type: "blog-list-changed"; blog: string }
  /** A blog's audit log has new rows: those watching it read its first page again. */
  | { type: "audit-recorded"; blog: string }
  /** The users list changed (a user created, renamed, given a role, deactivated). */
  | { type: "user-list-changed"; userId: string | null };

// Type-only: nothing outside this file can name it, so a committed result is read through settle() alone.
declare const result: unique symbol;

/** A committed change: its result, reachable only by applying `effects` (see settle). */
export interface Committed<T> {
  readonly effects: readonly Effect[];
  readonly [result]: T;
}

/** What a use case returns once its transaction has committed. */
export function committed<T>(value: T, effects: readonly Effect[] = []): Committed<T> {
  return { effects, value } as unknown as Committed<T>;
}

/** Applies the change's effects with `apply`, then hands back its result. */
export function settle<T>(change: Committed<T>, apply: (effects: readonly Effect[]) => void): T {
  apply(change.effects);
  return (change as unknown as { value: T }).value;
}

/**
 * An entry saved (created, edited, published, pinned…) by `by` (null: the system): its reader event if readers see
 * a change, then the newsroom, whose dashboard counts and audit log changed with it.
 */
export function entrySaved(entry: EntryDTO, event: BlogEvent | null, by: ChangedBy | null): Effect[] {
  return [...broadcast(event), { type: "newsroom-entry-saved", entry, by }, ...newsroomListsOf(entry.blog)];
}

/** A review step: the blog's reviewers and the entry's contributor hear of it (after the entry itself). */
export function entryReviewed(entry: EntryDTO, review: ReviewDTO): Effect[] {
  return [{ type: "newsroom-entry-reviewed", entry, review }];
}

/** An entry deleted: its reader event if readers saw it, then the newsroom. */
export function entryRemoved(blog: string, id: string, event: BlogEvent | null): Effect[] {
  return [...broadcast(event), { type: "newsroom-entry-removed", blog, id }, ...newsroomListsOf(blog)];
}

/** A blog's change as the newsroom's lists see it: its row on the dashboard, its audit log. */
export function newsroomListsOf(blog: string): Effect[] {
  return [
    { type: "blog-list-changed", blog },
    { type: "audit-recorded", blog },
  ];
}

/** Who made a change, as the newsroom is told: the actor the server authenticated. */
export function changedBy(actor: { id: string; name: string }): ChangedBy {
  return { id: actor.id, name: actor.name };
}

function broadcast(event: BlogEvent | null): Effect[] {
  return event ? [{ type: "broadcast", event }] : [];
}

/** What effects act on: the process's read cache and its realtime server. */
export interface EffectTargets {
  readCache: { blogChanged(slug: string): void; everythingChanged(): void };
  realtime: {
    broadcast(event: BlogEvent): void;
    entrySaved(entry: EntryDTO, by: ChangedBy | null): void;
    entryReviewed(entry: EntryDTO, review: ReviewDTO): void;
    entryRemoved(blog: string, id: string): void;
    disconnectUser(userId: string): void;
    disconnectSession(secret: string): void;
    blogListChanged(blog: string): void;
    auditRecorded(blog: string): void;
    userListChanged(userId: string | null): void;
  };
}

/** Applies effects in order. */
export function applyEffects(effects: readonly Effect[], { readCache, realtime }: EffectTargets): void {
  for (const effect of effects) {
    switch (effect.type) {
      case "broadcast":
        // Dropped before the event goes out, so nobody who hears it reads the value from before the change.
        readCache.blogChanged(effect.event.payload.blog);
        realtime.broadcast(effect.event);
        break;
      case "newsroom-entry-saved":
        realtime.entrySaved(effect.entry, effect.by);
        break;
      case "newsroom-entry-reviewed":
        realtime.entryReviewed(effect.entry, effect.review);
        break;
      case "newsroom-entry-removed":
        realtime.entryRemoved(effect.blog, effect.id);
        break;
      case "drop-blog-cache":
        readCache.blogChanged(effect.blog);
        break;
      case "drop-all-caches":
        readCache.everythingChanged();
        break;
      case "disconnect-user":
        realtime.disconnectUser(effect.userId);
        break;
      case "disconnect-session":
        realtime.disconnectSession(effect.secret);
        break;
      case "blog-list-changed":
        realtime.blogListChanged(effect.blog);
        break;
      case "audit-recorded":
        realtime.auditRecorded(effect.blog);
        break;
      case "user-list-changed":
        realtime.userListChanged(effect.userId);
        break;
      default:
        effect satisfies never;
    }
  }
}
