"use client";
// Long boxes above the stream (pinned entries, key events) show only their first items below the wide
// layout (Tailwind's `lg`, where the key events move to a side column), so the newest update is on a phone's first screen. The collapsing is CSS (`max-lg:`), so the
// server's HTML is already collapsed and nothing jumps when the page hydrates; the button only widens it.
import { useState } from "react";

/** Hides an item on small screens unless the box is expanded. */
export function hiddenWhenCollapsed(index: number, shown: number, expanded: boolean): string {
  return !expanded && index >= shown ? "max-lg:hidden" : "";
}

export function useShowAll(): [boolean, () => void] {
  const [expanded, setExpanded] = useState(false);
  return [expanded, () => setExpanded((value) => !value)];
}

export function ShowAllButton({
  expanded,
  onToggle,
  count,
  controls,
}: {
  expanded: boolean;
  onToggle: () => void;
  count: number;
  /** The id of the list it expands. */
  controls: string;
}) {
  return (
    <button
      type="button"
      aria-expanded={expanded}
      aria-controls={controls}
      onClick={onToggle}
      className="rounded px-1 text-sm font-semibold text-red-800 underline underline-offset-2 hover:text-red-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-700 lg:hidden dark:text-red-300 dark:hover:text-red-200 dark:focus-visible:outline-blue-300"
    >
      {expanded ? "Show less" : `Show all (${count})`}
    </button>
  );
}
