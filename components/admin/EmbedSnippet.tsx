"use client";
import { useState } from "react";
import {
  DEFAULT_EMBED_OPTIONS,
  EMBED_THEMES,
  MAX_EMBED_ENTRIES,
  MIN_EMBED_ENTRIES,
  type EmbedOptions,
  type EmbedTheme,
} from "@/components/embed/embed-options";
import { embedSnippetOf, embedUrlOf } from "@/components/embed/embed-snippet";
import { FormField } from "./FormField";
import { buttonStyles, inputStyles } from "./styles";

const THEME_NAMES: Record<EmbedTheme, string> = {
  light: "Light",
  dark: "Dark",
  auto: "Follow the reader's system",
};

/** The HTML other sites paste to embed this blog, with the options the editor picks (components/embed/embed-snippet.ts). */
export function EmbedSnippet({ origin, blog }: { origin: string; blog: { slug: string; title: string } }) {
  const [options, setOptions] = useState<EmbedOptions>(DEFAULT_EMBED_OPTIONS);
  const [entriesText, setEntriesText] = useState(String(DEFAULT_EMBED_OPTIONS.entries));
  const [copied, setCopied] = useState<"yes" | "no" | null>(null);
  const snippet = embedSnippetOf(origin, blog, options);
  const change = (next: Partial<EmbedOptions>) => {
    setOptions((current) => ({ ...current, ...next }));
    setCopied(null);
  };
  const entriesValid = /^\d+$/.test(entriesText);
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
      className="space-y-3 rounded border border-neutral-200 p-4 dark:border-neutral-800"
    >
      <h2 id="embed-heading" className="text-base font-bold">
        Embed on another site
      </h2>
      <p className="text-sm text-neutral-600 dark:text-neutral-400">
        Paste this HTML into any page. The frame shows the newest updates, updates by itself and grows with its content,
        up to the number of updates chosen; a link leads to the full page.{" "}
        <a href={embedUrlOf(origin, blog.slug, options)} target="_blank" rel="noopener" className={buttonStyles.link}>
          Preview the embed
        </a>
      </p>
      <div className="grid gap-3 sm:grid-cols-2">
        <FormField htmlFor="embed-theme" label="Theme">
          <select
            id="embed-theme"
            value={options.theme}
            onChange={(e) => change({ theme: e.target.value as EmbedTheme })}
            className={inputStyles}
          >
            {EMBED_THEMES.map((theme) => (
              <option key={theme} value={theme}>
                {THEME_NAMES[theme]}
              </option>
            ))}
          </select>
        </FormField>
        <FormField htmlFor="embed-entries" label="Updates shown">
          <input
            id="embed-entries"
            type="number"
            inputMode="numeric"
            min={MIN_EMBED_ENTRIES}
            max={MAX_EMBED_ENTRIES}
            value={entriesText}
            aria-describedby="embed-entries-hint"
            onChange={(e) => {
              setEntriesText(e.target.value);
              // The snippet keeps the last valid number while the field is being edited.
              const count = Number(e.target.value);
              if (/^\d+$/.test(e.target.value))
                change({ entries: Math.min(MAX_EMBED_ENTRIES, Math.max(MIN_EMBED_ENTRIES, count)) });
            }}
            className={inputStyles}
          />
          <p id="embed-entries-hint" className="mt-1 text-xs text-neutral-600 dark:text-neutral-400">
            {entriesValid
              ? `The newest ${options.entries}, then “Read more”. From ${MIN_EMBED_ENTRIES} to ${MAX_EMBED_ENTRIES}.`
              : `A number from ${MIN_EMBED_ENTRIES} to ${MAX_EMBED_ENTRIES}.`}
          </p>
        </FormField>
      </div>
      <div className="flex flex-wrap gap-x-6 gap-y-2 text-sm">
        <label className="inline-flex items-center gap-2">
          <input type="checkbox" checked={options.header} onChange={(e) => change({ header: e.target.checked })} />
          Show the title and status
        </label>
        <label className="inline-flex items-center gap-2">
          <input type="checkbox" checked={options.pinned} onChange={(e) => change({ pinned: e.target.checked })} />
          Show pinned updates
        </label>
      </div>
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
