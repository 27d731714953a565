"use client";
// The key events, newest first. Each is a link to the entry's own page (it works without JavaScript,
// in a new tab, or copied); a plain click instead scrolls to the entry on this page, loading older
// pages first if it is not loaded yet, and highlights it.
import type { EntryDTO } from "@/common/contracts/dto";
import { excerptOf, plainTextOf } from "@/common/entry-text";
import { permalinkOf } from "@/common/urls";
import { RelativeTime } from "./RelativeTime";

export function KeyEventsTimeline({ keyEvents, onGoTo }: { keyEvents: EntryDTO[]; onGoTo: (entry: EntryDTO) => void }) {
  if (keyEvents.length === 0) return null;
  return (
    <nav aria-labelledby="key-events-heading" data-testid="key-events" className="mb-8">
      <h2
        id="key-events-heading"
        className="mb-3 text-sm font-bold uppercase tracking-wide text-neutral-700 dark:text-neutral-300"
      >
        Key events
      </h2>
      <ol className="border-l-2 border-amber-600 dark:border-amber-400">
        {keyEvents.map((entry) => (
          <li key={entry.id} className="relative mb-3 pl-4 last:mb-0">
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
              <span className="font-medium break-words text-neutral-900 group-hover:underline dark:text-neutral-100">
                {entry.headline ?? excerptOf(plainTextOf(entry.body), 90)}
              </span>
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}
