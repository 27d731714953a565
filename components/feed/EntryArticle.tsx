import type { EntryDTO } from "@/common/contracts/dto";
import { EntryActions } from "./EntryActions";
import { EntryHeader } from "./EntryHeader";
import { EntryText } from "./EntryText";
import { RelativeTime } from "./RelativeTime";

/**
 * One entry as readers see it. The newsroom's composer renders its preview with this same component
 * (`preview`), so what an editor checks is what readers get; a preview has no element id, so it never
 * collides with the real entry on the same page, and no share buttons; nor does the pinned area's copy. A real entry can take focus (the
 * "new updates" button and the key-events timeline move focus to it) without being in the tab order.
 */
export function EntryArticle({
  entry,
  preview = false,
  pinnedCopy = false,
}: {
  entry: EntryDTO;
  preview?: boolean;
  /** The copy in the pinned area: its own element ids (the stream holds the entry too, marked "Pinned"). */
  pinnedCopy?: boolean;
}) {
  const prefix = preview ? "preview" : pinnedCopy ? "pinned" : "entry";
  const headingId = `${prefix}-${entry.id}-headline`;
  return (
    <article
      id={preview ? undefined : `${prefix}-${entry.id}`}
      aria-labelledby={entry.headline ? headingId : undefined}
      aria-label={entry.headline ? undefined : preview ? "Preview" : undefined}
      tabIndex={preview ? undefined : -1}
      data-pinned={entry.pinned || undefined}
      className="entry scroll-mt-20 border-l-4 border-neutral-200 py-4 pl-4 outline-offset-4 dark:border-neutral-700 data-[pinned]:border-accent"
    >
      <EntryHeader
        entry={entry}
        time={entry.publishedAt && <RelativeTime iso={entry.publishedAt} />}
        flagKeyEvent
        flagPinned={!pinnedCopy}
      />
      <EntryText entry={entry} headingId={headingId} />
      <footer className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-neutral-600 dark:text-neutral-400">
        <span>
          By <span className="font-medium">{entry.author.name}</span>
        </span>
        {entry.editedAt && (
          <span data-testid="entry-updated">
            Updated <RelativeTime iso={entry.editedAt} />
          </span>
        )}
        {!preview && <EntryActions entry={entry} />}
      </footer>
    </article>
  );
}
