"use client";
import { useEffect } from "react";

/** Brings the linked update into view and moves focus to it, so keyboard and screen-reader users start there. */
export function FocusOnArrival({ elementId }: { elementId: string }) {
  useEffect(() => {
    const element = document.getElementById(elementId);
    if (!element) return;
    element.scrollIntoView({ block: "start" });
    element.focus({ preventScroll: true });
  }, [elementId]);
  return null;
}
