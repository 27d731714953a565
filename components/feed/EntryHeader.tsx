import type { ReactNode } from "react";
import type { EntryDTO } from "@/common/contracts/dto";
import { LabelBadge } from "./LabelBadge";

/**
 * The line above an entry's headline: when it was published, its label and, in the stream, the key-event
 * flag. The stream's EntryArticle and the permalink page's LinkedEntry share it; they tell the time their
 * own way (relative, or in full since a linked update may be days old), so the time comes in as `time`.
 */
export function EntryHeader({
  entry,
  time,
  flagKeyEvent = false,
  flagPinned = false,
  onTint = false,
}: {
  entry: EntryDTO;
  time: ReactNode;
  flagKeyEvent?: boolean;
  /** In the stream, a pinned entry says so (its copy also sits in the pinned area on top). */
  flagPinned?: boolean;
  /** On the linked update's tinted box the text is a shade darker, to keep its contrast. */
  onTint?: boolean;
}) {
  const tone = onTint ? "text-neutral-700 dark:text-neutral-300" : "text-neutral-600 dark:text-neutral-400";
  return (
    <header className={`mb-2 flex flex-wrap items-baseline gap-x-3 gap-y-1 text-sm ${tone}`}>
      {time}
      {entry.label && <LabelBadge name={entry.label} colour={entry.labelColour} />}
      {flagPinned && entry.pinned && (
        <span data-testid="pinned-flag" className="text-xs font-semibold uppercase text-red-700 dark:text-red-400">
          Pinned
        </span>
      )}
      {flagKeyEvent && entry.keyEvent && (
        <span className="text-xs font-semibold uppercase text-amber-700 dark:text-amber-400">Key event</span>
      )}
    </header>
  );
}
