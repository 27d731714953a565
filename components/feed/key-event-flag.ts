import type { EntryDTO } from "@/server/contracts/dto";

/** A key event gets its own flag, unless its label already says so. */
export function showsKeyEventFlag(entry: Pick<EntryDTO, "keyEvent" | "label">): boolean {
  return entry.keyEvent && entry.label?.toLowerCase() !== "key event";
}
