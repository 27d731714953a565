// The update a permalink points at, shown in full with its date, whatever its age, between the blog's
// header and the live stream, with its own Share / Copy link and a way on to the stream. It follows the
// live page: an edit shows at once, and a deletion says so in its place.
import type { EntryDTO } from "@/common/contracts/dto";
import { AbsoluteTime } from "./AbsoluteTime";
import { EntryActions } from "./EntryActions";
import { EntryHeader } from "./EntryHeader";
import { EntryText } from "./EntryText";

export function linkedEntryElementId(id: string): string {
  return `linked-entry-${id}`;
}

export function LinkedEntry({
  entry,
  removed,
  className = "",
}: {
  entry: EntryDTO;
  removed: boolean;
  className?: string;
}) {
  const elementId = linkedEntryElementId(entry.id);
  return (
    <section aria-labelledby="linked-heading" data-testid="linked-section" className={`mb-6 ${className}`}>
      <h2
        id="linked-heading"
        className="mb-2 text-sm font-bold uppercase tracking-wide text-accent dark:text-accent-light"
      >
        Linked update
      </h2>
      {removed ? (
        <p
          id={elementId}
          tabIndex={-1}
          role="status"
          data-testid="linked-entry-removed"
          className="rounded-lg border-l-4 border-neutral-400 bg-neutral-100 p-4 dark:bg-neutral-900"
        >
          This update has been removed by the newsroom.
        </p>
      ) : (
        <article
          id={elementId}
          tabIndex={-1}
          data-testid="linked-entry"
          data-highlighted="true"
          aria-labelledby={entry.headline ? `${elementId}-headline` : undefined}
          aria-label={entry.headline ? undefined : "Linked update"}
          className="scroll-mt-4 rounded-lg border-l-4 border-accent bg-amber-50 p-4 shadow-sm focus:outline-2 focus:outline-offset-2 focus:outline-accent dark:bg-neutral-900"
        >
          <EntryHeader entry={entry} time={entry.publishedAt && <AbsoluteTime iso={entry.publishedAt} />} onTint />
          <EntryText entry={entry} headingId={`${elementId}-headline`} />
          <footer className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-neutral-700 dark:text-neutral-300">
            <span>
              By <span className="font-medium">{entry.author.name}</span>
            </span>
            {entry.editedAt && (
              <span>
                Updated <AbsoluteTime iso={entry.editedAt} />
              </span>
            )}
            <EntryActions entry={entry} />
          </footer>
        </article>
      )}
      <p className="mt-3">
        <a
          href="#latest-updates"
          className="inline-block rounded font-semibold text-red-800 underline underline-offset-2 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-700 dark:text-red-300 dark:focus-visible:outline-blue-300"
        >
          Follow the live blog ↓
        </a>
      </p>
    </section>
  );
}
