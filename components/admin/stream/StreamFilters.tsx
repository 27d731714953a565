"use client";
// The stream's filter buttons and search box. The search is applied a moment after typing stops, so each
// keystroke does not ask the server for a page.
import { useEffect, useState } from "react";
import {
  MAX_STREAM_SEARCH_LENGTH,
  STREAM_FILTER_RULES,
  STREAM_FILTERS,
  type StreamFilter,
  type StreamView,
} from "@/common/newsroom-stream";
import { inputStyles } from "@/components/admin/styles";

const SEARCH_DELAY_MS = 300;

const filterButton =
  "rounded-full border border-neutral-300 px-3 py-1 text-xs font-medium hover:bg-neutral-100 aria-pressed:border-neutral-900 aria-pressed:bg-neutral-900 aria-pressed:text-white dark:border-neutral-700 dark:hover:bg-neutral-800 dark:aria-pressed:border-neutral-100 dark:aria-pressed:bg-neutral-100 dark:aria-pressed:text-neutral-900 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-blue-600";

export function StreamFilters({ view, onChange }: { view: StreamView; onChange: (view: StreamView) => void }) {
  const [search, setSearch] = useState(view.search);
  useEffect(() => {
    if (search === view.search) return;
    const timer = setTimeout(() => onChange({ ...view, search }), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [search, view, onChange]);

  const choose = (filter: StreamFilter | null) => onChange({ filter, search });
  return (
    <div className="flex flex-wrap items-center gap-2">
      <div role="group" aria-label="Show" className="flex flex-wrap gap-1">
        <button type="button" aria-pressed={view.filter === null} onClick={() => choose(null)} className={filterButton}>
          All
        </button>
        {STREAM_FILTERS.map((filter) => (
          <button
            key={filter}
            type="button"
            aria-pressed={view.filter === filter}
            onClick={() => choose(filter)}
            className={filterButton}
          >
            {STREAM_FILTER_RULES[filter].label}
          </button>
        ))}
      </div>
      <input
        type="search"
        aria-label="Search entries"
        placeholder="Search headlines and text"
        value={search}
        maxLength={MAX_STREAM_SEARCH_LENGTH}
        onChange={(event) => setSearch(event.target.value)}
        className={`${inputStyles} min-w-0 flex-1 py-1 text-sm`}
      />
    </div>
  );
}
