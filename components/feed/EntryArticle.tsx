import type { EntryDTO } from "@/server/contracts/dto";
import { EntryActions } from "./EntryActions";
import { RelativeTime } from "./RelativeTime";
import { showsKeyEventFlag } from "./key-event-flag";

/** YouTube frames fill the column at 16:9; link and X cards are boxed quotes with their source below. */
export const EMBED_STYLES =
  "[&_iframe]:aspect-video [&_iframe]:w-full [&_iframe]:rounded [&_figure[data-embed]]:rounded [&_figure[data-embed]]:border [&_figure[data-embed]]:border-neutral-300 [&_figure[data-embed]]:p-3 dark:[&_figure[data-embed]]:border-neutral-700 [&_figure[data-embed]_blockquote]:border-l-0! [&_figure[data-embed]_blockquote]:pl-0! [&_figure[data-embed]_blockquote]:not-italic!";

/**
 * One entry as readers see it. The newsroom's composer renders its preview with this same component
 * (`preview`), so what an editor checks is what readers get; a preview has no element id, so it never
 * collides with the real entry on the same page, and no share buttons. A real entry can take focus (the
 * "new updates" button and the key-events timeline move focus to it) without being in the tab order.
 */
export function EntryArticle({ entry, preview = false }: { entry: EntryDTO; preview?: boolean }) {
  const headingId = `${preview ? "preview" : "entry"}-${entry.id}-headline`;
  return (
    <article
      id={preview ? undefined : `entry-${entry.id}`}
      aria-labelledby={entry.headline ? headingId : undefined}
      aria-label={entry.headline ? undefined : preview ? "Preview" : undefined}
      tabIndex={preview ? undefined : -1}
      data-pinned={entry.pinned || undefined}
      className="entry scroll-mt-20 border-l-4 border-neutral-200 py-4 pl-4 outline-offset-4 dark:border-neutral-700 data-[pinned]:border-red-600"
    >
      <header className="mb-2 flex flex-wrap items-baseline gap-x-3 gap-y-1 text-sm text-neutral-600 dark:text-neutral-400">
        {entry.publishedAt && <RelativeTime iso={entry.publishedAt} />}
        {entry.label && (
          <span className="rounded bg-red-700 px-1.5 py-0.5 text-xs font-semibold uppercase tracking-wide text-white">{entry.label}</span>
        )}
        {showsKeyEventFlag(entry) && <span className="text-xs font-semibold uppercase text-amber-700 dark:text-amber-400">Key event</span>}
      </header>
      {entry.headline && (
        <h3 id={headingId} className="mb-2 text-xl font-bold leading-snug">
          {entry.headline}
        </h3>
      )}
      {/* The body was sanitized on the server before it was stored. */}
      <div className={`entry-body ${EMBED_STYLES}`} dangerouslySetInnerHTML={{ __html: entry.body }} />
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
