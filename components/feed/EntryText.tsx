import type { EntryDTO } from "@/common/contracts/dto";
import { correctionLineOf } from "@/common/entry-text";
import { RelativeTime } from "./RelativeTime";

/** YouTube frames fill the column at 16:9; link and X cards are boxed quotes with their source below. */
export const EMBED_STYLES =
  "[&_iframe]:aspect-video [&_iframe]:w-full [&_iframe]:rounded [&_figure[data-embed]]:rounded [&_figure[data-embed]]:border [&_figure[data-embed]]:border-neutral-300 [&_figure[data-embed]]:p-3 dark:[&_figure[data-embed]]:border-neutral-700 [&_figure[data-embed]_blockquote]:border-l-0! [&_figure[data-embed]_blockquote]:pl-0! [&_figure[data-embed]_blockquote]:not-italic!";

/** An entry's headline and body, as the stream (EntryArticle) and the permalink page (LinkedEntry) show them. */
export function EntryText({ entry, headingId }: { entry: EntryDTO; headingId: string }) {
  return (
    <>
      {entry.headline && (
        <h3 id={headingId} className="mb-2 text-xl font-bold leading-snug">
          {entry.headline}
        </h3>
      )}
      {/* The body was sanitized on the server before it was stored. */}
      <div className={`entry-body ${EMBED_STYLES}`} dangerouslySetInnerHTML={{ __html: entry.body }} />
      {entry.corrections.length > 0 && (
        // A note, not a landmark: a page with several corrected entries would repeat a landmark's name.
        <div
          role="note"
          aria-label="Corrections"
          data-testid="entry-corrections"
          className="mt-3 space-y-1 border-l-4 border-amber-500 bg-amber-50 px-3 py-2 text-sm text-neutral-900 dark:bg-amber-950/40 dark:text-neutral-100"
        >
          {entry.corrections.map((note) => (
            <p key={note.id}>
              {correctionLineOf(note.text)}{" "}
              <span className="text-neutral-700 dark:text-neutral-300">
                (<RelativeTime iso={note.createdAt} />)
              </span>
            </p>
          ))}
        </div>
      )}
    </>
  );
}
