import type { EntryDTO } from "@/common/contracts/dto";

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
    </>
  );
}
