import type { EntryDTO } from "@/common/contracts/dto";

/** A key event gets its own flag, unless its label already says so. */
export function showsKeyEventFlag(entry: Pick<EntryDTO, "keyEvent" | "label">): boolean {
  return entry.keyEvent && entry.label?.toLowerCase() !== "key event";
}
