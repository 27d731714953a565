"use client";
// Embed by URL: a YouTube address becomes a player, an x.com/twitter.com one a post card, anything else a link card.
import { useId, useState } from "react";
import { FormField } from "@/components/admin/FormField";
import { buttonStyles, inputStyles } from "@/components/admin/styles";
import { embedForUrl, type Embed } from "./embeds";
import { InsertOrCancel } from "./InsertOrCancel";

const KIND_TEXT: Record<Embed["kind"], string> = { youtube: "YouTube video", x: "X post card", link: "Link card" };

export function EmbedInserter({ onInsert }: { onInsert: (embed: Embed) => void }) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [url, setUrl] = useState("");
  const [text, setText] = useState("");
  const [error, setError] = useState<string | null>(null);
  const detected = url.trim() ? embedForUrl(url) : null;

  const close = () => {
    setOpen(false);
    setUrl("");
    setText("");
    setError(null);
  };

  const insert = () => {
    const embed = embedForUrl(url, text);
    if (!embed) return setError("Paste a web address starting with http:// or https://.");
    onInsert(embed);
    close();
  };

  if (!open) {
    return (
      <button type="button" onClick={() => setOpen(true)} className={buttonStyles.secondary}>
        Embed URL
      </button>
    );
  }
  return (
    <div
      role="group"
      aria-label="Embed by URL"
      className="w-full space-y-2 rounded border border-neutral-300 p-2 dark:border-neutral-700"
    >
      <FormField htmlFor={`${id}-url`} label="Address to embed">
        <input
          id={`${id}-url`}
          type="url"
          autoFocus
          value={url}
          placeholder="https://www.youtube.com/watch?v=…, https://x.com/…, or any page"
          aria-invalid={error ? true : undefined}
          onChange={(event) => {
            setUrl(event.target.value);
            setError(null);
          }}
          className={inputStyles}
        />
        <p className="mt-1 text-xs text-neutral-600 dark:text-neutral-400" aria-live="polite">
          {error ? (
            <span className="text-red-700 dark:text-red-400">{error}</span>
          ) : detected ? (
            `Will insert: ${KIND_TEXT[detected.kind]}`
          ) : (
            "\u00a0"
          )}
        </p>
      </FormField>
      {detected?.kind !== "youtube" && (
        <FormField htmlFor={`${id}-text`} label="Quote or description (optional)">
          <textarea
            id={`${id}-text`}
            rows={2}
            maxLength={1000}
            value={text}
            onChange={(event) => setText(event.target.value)}
            className={inputStyles}
          />
        </FormField>
      )}
      <InsertOrCancel insertLabel="Insert embed" onInsert={insert} onCancel={close} />
    </div>
  );
}
