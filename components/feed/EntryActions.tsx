"use client";
// Copy an entry's permalink, or share it through the system share sheet where the browser has one.
import { useEffect, useRef, useState } from "react";
import type { EntryDTO } from "@/common/contracts/dto";
import { permalinkOf } from "@/common/urls";
import { useHydrated } from "@/components/ui/use-hydrated";
import { useAnnounce } from "./announcer";

const BUTTON =
  "inline-flex items-center gap-1 rounded px-1.5 py-0.5 text-sm text-neutral-700 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-700 dark:text-neutral-300 dark:focus-visible:outline-blue-300";

/** For browsers without the async clipboard (a page served over plain http on another host). */
function copyWithSelection(text: string): boolean {
  const area = document.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.style.position = "fixed";
  area.style.opacity = "0";
  document.body.append(area);
  area.select();
  try {
    return document.execCommand("copy");
  } finally {
    area.remove();
  }
}

export function EntryActions({ entry }: { entry: Pick<EntryDTO, "id" | "blog" | "headline"> }) {
  const announce = useAnnounce();
  const [copied, setCopied] = useState(false);
  // Decided after hydration: the server cannot know, and a mismatch would break hydration.
  const canShare = useHydrated() && typeof navigator.share === "function";
  const resetTimer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(resetTimer.current), []);

  const url = () => new URL(permalinkOf(entry.blog, entry.id), window.location.origin).href;

  const copy = async () => {
    let ok: boolean;
    try {
      await navigator.clipboard.writeText(url());
      ok = true;
    } catch {
      ok = copyWithSelection(url());
    }
    announce(ok ? "Link copied" : "Could not copy the link");
    setCopied(ok);
    clearTimeout(resetTimer.current);
    if (ok) resetTimer.current = setTimeout(() => setCopied(false), 2500);
  };

  const share = async () => {
    try {
      await navigator.share({ title: entry.headline ?? document.title, url: url() });
    } catch {
      // Cancelled by the reader, or refused: nothing to say.
    }
  };

  return (
    <span className="ml-auto inline-flex gap-1">
      <button type="button" onClick={() => void copy()} className={BUTTON}>
        <svg aria-hidden viewBox="0 0 20 20" className="h-4 w-4 fill-current">
          {copied ? (
            <path d="M7.6 13.2 4.4 10l-1.2 1.2 4.4 4.4 9.2-9.2-1.2-1.2z" />
          ) : (
            <path d="M8.5 11.5a3 3 0 0 0 4.2 0l3-3a3 3 0 0 0-4.2-4.2l-1 1 1.1 1 1-1a1.5 1.5 0 0 1 2 2.1l-3 3a1.5 1.5 0 0 1-2 0zm3-3a3 3 0 0 0-4.2 0l-3 3a3 3 0 0 0 4.2 4.2l1-1-1.1-1-1 1a1.5 1.5 0 0 1-2-2.1l3-3a1.5 1.5 0 0 1 2 0z" />
          )}
        </svg>
        {copied ? "Link copied" : "Copy link"}
      </button>
      {canShare && (
        <button type="button" onClick={() => void share()} className={BUTTON}>
          <svg aria-hidden viewBox="0 0 20 20" className="h-4 w-4 fill-current">
            <path d="M10 2.5 6 6.5l1.1 1.1 2.1-2.1V13h1.6V5.5l2.1 2.1L14 6.5zM4 10v6.5A1.5 1.5 0 0 0 5.5 18h9a1.5 1.5 0 0 0 1.5-1.5V10h-1.6v6.4H5.6V10z" />
          </svg>
          Share
        </button>
      )}
    </span>
  );
}
