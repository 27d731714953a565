"use client";
import { useEffect } from "react";

/**
 * Moves focus to the linked update, so keyboard and screen-reader users start there, without scrolling:
 * the page opens at its top, where the blog's title and status sit right above the update.
 */
export function FocusOnArrival({ elementId }: { elementId: string }) {
  useEffect(() => {
    document.getElementById(elementId)?.focus({ preventScroll: true });
  }, [elementId]);
  return null;
}
