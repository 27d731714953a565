"use client";
// The key events, newest first. Each is a link to the entry's own page (it works without JavaScript,
// in a new tab, or copied); a plain click instead scrolls to the entry on this page, loading older
// pages first if it is not loaded yet, and highlights it. In the wide layout the timeline is the side
// column, sticky and scrolling on its own; on small screens it shows its first two events and "Show all".
import type { EntryDTO } from "@/common/contracts/dto";
import { excerptOf, plainTextOf } from "@/common/entry-text";
import { permalinkOf } from "@/common/urls";
import { RelativeTime } from "./RelativeTime";
import { hiddenWhenCollapsed, ShowAllButton, useShowAll } from "./ShowAll";

/** How many key events a small screen shows before "Show all". */
const SHOWN_COLLAPSED = 2;

export function KeyEventsTimeline({
  keyEvents,
  onGoTo,
  className = "",
}: {
  keyEvents: EntryDTO[];
  onGoTo: (entry: EntryDTO) => void;
  className?: string;
}) {
  const [expanded, toggle] = useShowAll();
  if (keyEvents.length === 0) return null;
  return (
    <nav
      aria-labelledby="key-events-heading"
      data-testid="key-events"
      // Sticky below the connection bar's height; its own scroll when taller than the viewport.
      className={`mb-4 lg:sticky lg:top-14 lg:max-h-[calc(100vh-4.5rem)] lg:self-start lg:overflow-y-auto lg:px-1 ${className}`}
    >
      <div className="mb-2 flex items-baseline justify-between gap-3 lg:mb-3">
        <h2
          id="key-events-heading"
          className="text-sm font-bold tracking-wide text-neutral-700 uppercase dark:text-neutral-300"
        >
          Key events
        </h2>
        {keyEvents.length > SHOWN_COLLAPSED && (
          <ShowAllButton expanded={expanded} onToggle={toggle} count={keyEvents.length} controls="key-events-list" />
        )}
      </div>
      <ol id="key-events-list" className="border-l-2 border-amber-600 dark:border-amber-400">
        {keyEvents.map((entry, index) => (
          <li
            key={entry.id}
            className={`relative mb-3 pl-4 last:mb-0 ${hiddenWhenCollapsed(index, SHOWN_COLLAPSED, expanded)}`}
          >
            <span
              aria-hidden
              className="absolute top-1.5 -left-[5px] h-2 w-2 rounded-full bg-amber-600 dark:bg-amber-400"
            />
            <a
              href={permalinkOf(entry.blog, entry.id)}
              onClick={(event) => {
                // Let the browser handle new tabs and windows.
                if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
                event.preventDefault();
                onGoTo(entry);
              }}
              className="group block rounded focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-700 dark:focus-visible:outline-blue-300"
            >
              <RelativeTime
                iso={entry.publishedAt ?? entry.updatedAt}
                className="block text-xs text-neutral-600 dark:text-neutral-400"
              />
              <span
                className={`font-medium break-words text-neutral-900 group-hover:underline dark:text-neutral-100 ${expanded ? "" : "max-lg:line-clamp-2"}`}
              >
                {entry.headline ?? excerptOf(plainTextOf(entry.body), 90)}
              </span>
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}
