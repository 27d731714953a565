import type { EntryDTO } from "@/server/contracts/dto";
import { EntryTime } from "./EntryTime";

export function EntryArticle({ entry }: { entry: EntryDTO }) {
  const headingId = `entry-${entry.id}-headline`;
  return (
    <article
      id={`entry-${entry.id}`}
      aria-labelledby={entry.headline ? headingId : undefined}
      data-pinned={entry.pinned || undefined}
      className="border-l-4 border-neutral-200 py-4 pl-4 dark:border-neutral-700 data-[pinned]:border-red-600"
    >
      <header className="mb-2 flex flex-wrap items-baseline gap-x-3 gap-y-1 text-sm text-neutral-600 dark:text-neutral-400">
        {entry.publishedAt && <EntryTime iso={entry.publishedAt} />}
        {entry.label && (
          <span className="rounded bg-red-700 px-1.5 py-0.5 text-xs font-semibold uppercase tracking-wide text-white">{entry.label}</span>
        )}
        {entry.keyEvent && entry.label?.toLowerCase() !== "key event" && <span className="text-xs font-semibold uppercase text-amber-700 dark:text-amber-400">Key event</span>}
      </header>
      {entry.headline && (
        <h3 id={headingId} className="mb-2 text-xl font-bold leading-snug">
          {entry.headline}
        </h3>
      )}
      {/* The body was sanitized on the server before it was stored. */}
      <div className="entry-body" dangerouslySetInnerHTML={{ __html: entry.body }} />
      <footer className="mt-2 text-sm text-neutral-600 dark:text-neutral-400">
        By <span className="font-medium">{entry.author.name}</span>
      </footer>
    </article>
  );
}
