// The live process's shared pieces (config, database, read cache, request limits, realtime), built once by
// server/index.ts and reached one way: getRuntime(). Next bundles its own copy of every module it imports, so
// a module-level singleton would be created twice; this one globalThis slot is the one both sides see.
import type { ReadCache } from "./cache/read-cache";
import type { Config } from "./config";
import type { BlogEvent } from "@/common/contracts/events";
import type { EntryChange, EntryRemoval } from "./db/entries";
import type { Db } from "./db/types";
import type { RequestLimits } from "./limits/request-limits";

export interface Runtime {
  config: Config;
  db: Db;
  /** Sends a committed event to every reader of its blog. */
  broadcast(event: BlogEvent): void;
  /**
   * After a committed entry change, the one call that tells everyone: its reader event (if any) to the
   * blog's readers, and the entry (drafts and scheduled ones too) or its removal to the blog's newsroom.
   */
  notifyEntryChange(change: EntryChange | EntryRemoval): void;
  /** Ends a user's live newsroom connections (after deactivation). */
  disconnectUser(userId: string): void;
  /** Ends the live newsroom connections opened with one session (after sign-out). */
  disconnectSession(secret: string): void;
  /** Reads readers make, cached per blog until it changes (`broadcast` and `notifyEntryChange` drop them). */
  readCache: ReadCache;
  /** Sign-in throttling and the read and write buckets, counted in one place for the whole process. */
  limits: RequestLimits;
}

const SLOT = Symbol.for("liveline.runtime");
type Slot = { [SLOT]?: Runtime };

export function installRuntime(runtime: Runtime | undefined): void {
  (globalThis as Slot)[SLOT] = runtime;
}

export function getRuntime(): Runtime {
  const runtime = (globalThis as Slot)[SLOT];
  if (!runtime) throw new Error("Liveline runtime is not installed: start the app with server/index.ts");
  return runtime;
}
