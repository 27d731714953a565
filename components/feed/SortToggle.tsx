"use client";
// "Newest first / Oldest first": the reader's choice of order, kept in the address (?sort=) and in this browser.
// Choosing loads the page in that order (the server renders the stream's first page in it); arriving without
// ?sort= after choosing before goes to the address with it.
import { useEffect } from "react";
import type { FeedOrder } from "@/common/contracts/dto";
import { preferredAddress, readStoredSort, storeSort, withSort } from "./sort-choice";

const CHOICES: { order: FeedOrder; label: string }[] = [
  { order: "NEWEST", label: "Newest first" },
  { order: "OLDEST", label: "Oldest first" },
];

export function SortToggle({ order }: { order: FeedOrder }) {
  useEffect(() => {
    const address = preferredAddress(window.location.href, order, readStoredSort());
    if (address) window.location.replace(address);
  }, [order]);

  const choose = (chosen: FeedOrder) => {
    storeSort(chosen);
    if (chosen !== order) window.location.assign(withSort(window.location.href, chosen));
  };

  return (
    <div role="group" aria-label="Order of updates" className="mb-4 flex gap-2 text-sm" data-testid="sort-toggle">
      {CHOICES.map(({ order: choice, label }) => (
        <button
          key={choice}
          type="button"
          aria-pressed={choice === order}
          onClick={() => choose(choice)}
          className="rounded-full border border-neutral-400 px-3 py-1 font-medium hover:bg-neutral-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-700 aria-pressed:border-neutral-900 aria-pressed:bg-neutral-900 aria-pressed:text-white dark:hover:bg-neutral-800 dark:focus-visible:outline-blue-300 dark:aria-pressed:border-neutral-100 dark:aria-pressed:bg-neutral-100 dark:aria-pressed:text-neutral-900"
        >
          {label}
        </button>
      ))}
    </div>
  );
}
