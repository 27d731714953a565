"use client";
import { useState } from "react";
import { buttonStyles, inputStyles } from "./styles";

/** The HTML other sites paste to embed this blog (built on the server: server/seo/embed-snippet.ts). */
export function EmbedSnippet({ snippet, previewUrl }: { snippet: string; previewUrl: string }) {
  const [copied, setCopied] = useState<"yes" | "no" | null>(null);
  async function copy() {
    try {
      await navigator.clipboard.writeText(snippet);
      setCopied("yes");
    } catch {
      // Clipboard access can be refused (no HTTPS, permissions); the field is selectable by hand.
      setCopied("no");
    }
  }
  return (
    <section
      aria-labelledby="embed-heading"
      className="space-y-2 rounded border border-neutral-200 p-4 dark:border-neutral-800"
    >
      <h2 id="embed-heading" className="text-base font-bold">
        Embed on another site
      </h2>
      <p className="text-sm text-neutral-600 dark:text-neutral-400">
        Paste this HTML into any page. The frame shows the live feed, updates by itself and grows with its content.{" "}
        <a href={previewUrl} target="_blank" rel="noopener" className={buttonStyles.link}>
          Preview the embed
        </a>
      </p>
      <label htmlFor="embed-snippet" className="sr-only">
        Embed code
      </label>
      <textarea
        id="embed-snippet"
        readOnly
        rows={4}
        value={snippet}
        onFocus={(e) => e.target.select()}
        className={`${inputStyles} font-mono text-xs`}
      />
      <div className="flex items-center gap-3">
        <button type="button" onClick={() => void copy()} className={buttonStyles.secondary}>
          Copy embed code
        </button>
        {/* Announced politely, but not a role="status": the settings form above owns the page's status message. */}
        <span
          aria-live="polite"
          data-testid="embed-copy-status"
          className="text-sm text-neutral-600 dark:text-neutral-400"
        >
          {copied === "yes"
            ? "Copied"
            : copied === "no"
              ? "Copying was refused: select the code and copy it by hand."
              : ""}
        </span>
      </div>
    </section>
  );
}
