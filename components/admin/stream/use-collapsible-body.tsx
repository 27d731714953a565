"use client";
// A stream card's text, shown to its first lines with "Show more" when it is longer. The body fades out at a
// line's end instead of being cut through one; the button sits in the card's action row, so finding out that
// a body is long (after layout) adds no line and moves nothing.
import { useLayoutEffect, useRef, useState, type ReactNode } from "react";
import { EMBED_STYLES } from "@/components/feed/EntryText";

/** Eight lines of text-sm (leading-6): a whole number of lines. */
const COLLAPSED_CLASS = "max-h-48 overflow-hidden [mask-image:linear-gradient(to_bottom,black_75%,transparent)]";

export function useCollapsibleBody(html: string): {
  body: ReactNode;
  toggle: ReactNode;
} {
  const ref = useRef<HTMLDivElement>(null);
  const [long, setLong] = useState(false);
  const [expanded, setExpanded] = useState(false);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => setLong(element.scrollHeight > element.clientHeight + 1 || expanded);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [html, expanded]);

  const body = (
    <div
      ref={ref}
      data-testid="entry-body"
      // Sanitized on the server.
      dangerouslySetInnerHTML={{ __html: html }}
      className={`entry-body mt-1 text-sm leading-6 ${expanded ? "" : COLLAPSED_CLASS} ${EMBED_STYLES}`}
    />
  );
  const toggle = long ? (
    <button
      type="button"
      aria-expanded={expanded}
      onClick={() => setExpanded((open) => !open)}
      className="ml-auto rounded px-2 py-1 text-xs font-medium text-blue-700 underline-offset-2 hover:underline dark:text-blue-300 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-blue-600"
    >
      {expanded ? "Show less" : "Show more"}
    </button>
  ) : null;
  return { body, toggle };
}
