// The live process's shared pieces (config, database, read cache, request limits, and the one step that applies
// a committed change's effects), built once by server/index.ts and reached one way: getRuntime(). Next bundles
// its own copy of every module it imports, so a module-level singleton would be created twice; this one
// globalThis slot is the one both sides see.
import type { ReadCache } from "./cache/read-cache";
import type { Config } from "./config";
import type { Db } from "./db/types";
import { applyEffects, settle, type Committed, type EffectTargets } from "./effects";
import type { RequestLimits } from "./limits/request-limits";

export interface Runtime {
  config: Config;
  db: Db;
  /** Reads readers make, cached per blog until it changes (the effects of every change drop them). */
  readCache: ReadCache;
  /** Sign-in throttling and the read and write buckets, counted in one place for the whole process. */
  limits: RequestLimits;
  /**
   * After a use case committed: applies its effects (cached reads dropped, the event to the blog's readers, the
   * entry to its newsroom, newsroom connections ended) and hands back its result. The one way to read that result.
   */
  apply: <T>(change: Committed<T>) => T;
}

export interface RuntimeParts {
  config: Config;
  db: Db;
  readCache: ReadCache;
  limits: RequestLimits;
  /** Where events and newsroom notices go, and newsroom connections end (server/realtime/). */
  realtime: EffectTargets["realtime"];
}

export function createRuntime({ config, db, readCache, limits, realtime }: RuntimeParts): Runtime {
  const targets: EffectTargets = { readCache, realtime };
  return {
    config,
    db,
    readCache,
    limits,
    apply: (change) => settle(change, (effects) => applyEffects(effects, targets)),
  };
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
