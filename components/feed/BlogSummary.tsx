"use client";
// A blog's summary, kept to three lines on small screens when it is long ("More" shows the rest), so it
// does not push the news down. Whether it is long is decided from its length, the same on the server and
// in the browser, so the button is in the first HTML and nothing moves when the page hydrates.
import { useState } from "react";

/** About three lines of a phone's width. */
const LONG_SUMMARY_CHARS = 140;

export function BlogSummary({ summary }: { summary: string }) {
  const [expanded, setExpanded] = useState(false);
  const long = summary.length > LONG_SUMMARY_CHARS;
  return (
    <div className="mt-2">
      <p
        id="blog-summary"
        data-testid="blog-summary"
        className={`text-base text-neutral-700 sm:text-lg dark:text-neutral-300 ${long && !expanded ? "max-lg:line-clamp-3" : ""}`}
      >
        {summary}
      </p>
      {long && (
        <button
          type="button"
          aria-expanded={expanded}
          aria-controls="blog-summary"
          onClick={() => setExpanded((value) => !value)}
          className="rounded text-sm font-semibold text-red-800 underline underline-offset-2 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-700 lg:hidden dark:text-red-300 dark:focus-visible:outline-blue-300"
        >
          {expanded ? "Less" : "More"}
        </button>
      )}
    </div>
  );
}
