"use client";
// The pinned area above the stream: each pinned entry with its own headline, in the order editors gave them.
// The stream keeps these entries in their place too (marked "Pinned"), so this is a copy with its own ids.
// On small screens only the start of the first one shows (faded out) with "Show all", so the box does not
// push the newest update off a phone's first screen.
import type { EntryDTO } from "@/common/contracts/dto";
import { EntryArticle } from "./EntryArticle";
import { hiddenWhenCollapsed, ShowAllButton, useShowAll } from "./ShowAll";

const CLIPPED =
  "max-lg:max-h-32 max-lg:overflow-hidden max-lg:[mask-image:linear-gradient(to_bottom,black_60%,transparent)]";

export function PinnedEntries({ pinned, className = "" }: { pinned: EntryDTO[]; className?: string }) {
  const [expanded, toggle] = useShowAll();
  if (pinned.length === 0) return null;
  return (
    <section
      aria-labelledby="pinned-heading"
      data-testid="pinned"
      className={`mb-4 rounded-lg bg-amber-50 px-3 pt-2 pb-1 sm:p-4 dark:bg-neutral-900 ${className}`}
    >
      <div className="mb-1 flex items-baseline justify-between gap-3">
        <h2
          id="pinned-heading"
          className="text-sm font-bold tracking-wide text-amber-900 uppercase dark:text-amber-300"
        >
          Pinned
        </h2>
        <ShowAllButton expanded={expanded} onToggle={toggle} count={pinned.length} controls="pinned-entries" />
      </div>
      <div id="pinned-entries">
        {pinned.map((entry, index) => (
          <div
            key={entry.id}
            data-testid="pinned-item"
            className={index === 0 && !expanded ? CLIPPED : hiddenWhenCollapsed(index, 1, expanded)}
          >
            <EntryArticle entry={entry} pinnedCopy />
          </div>
        ))}
      </div>
    </section>
  );
}
