// For data-layer tests: what a use case committed, read without applying its effects (server/effects.ts).
import type { BlogEvent } from "@/common/contracts/events";
import { settle, type Committed, type Effect } from "../effects";

export type Opened<T> = (T extends object ? T : Record<never, never>) & {
  effects: readonly Effect[];
  /** The event it sends readers, or null when readers see no change. */
  event: BlogEvent | null;
};

/** The result (its fields spread), its effects, and the event among them for the blog's readers. */
export function opened<T>(change: Committed<T>): Opened<T> {
  let effects: readonly Effect[] = [];
  const value = settle(change, (applied) => (effects = applied));
  const broadcast = effects.find((effect) => effect.type === "broadcast");
  return { ...(value as object), effects, event: broadcast?.event ?? null } as Opened<T>;
}
