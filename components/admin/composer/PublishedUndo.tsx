"use client";
// "Published · Undo" under the composer for ten seconds after a new entry goes out. Undo is a real deletion
// (DELETE, the normal path), so every reader's page hears entry:deleted and the entry leaves every public answer.
import { useEffect, useState } from "react";
import type { EntryDTO } from "@/common/contracts/dto";
import { apiRequest, messageOf } from "@/components/admin/api-request";
import { useLatest } from "@/components/ui/use-latest";

export const UNDO_WINDOW_MS = 10_000;

export function PublishedUndo({
  entry,
  onDone,
  onRemoved,
}: {
  entry: EntryDTO;
  /** The ten seconds are over (or Undo failed and was dismissed). */
  onDone: () => void;
  onRemoved: (id: string) => void;
}) {
  const [undoing, setUndoing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Counted from the publish, whatever the composer re-renders meanwhile (a new onDone each time).
  const done = useLatest(onDone);
  useEffect(() => {
    if (error) return;
    const timer = setTimeout(() => done.current(), UNDO_WINDOW_MS);
    return () => clearTimeout(timer);
  }, [done, error]);

  const undo = async () => {
    setUndoing(true);
    try {
      await apiRequest<void>(
        "DELETE",
        `/api/blogs/${encodeURIComponent(entry.blog)}/entries/${encodeURIComponent(entry.id)}`,
      );
      onRemoved(entry.id);
    } catch (caught) {
      setError(messageOf(caught, "Could not undo: the server did not answer. Delete the entry from the stream."));
      setUndoing(false);
    }
  };

  return (
    <p
      role="status"
      data-testid="published-undo"
      className="flex min-h-5 items-center gap-2 text-neutral-700 dark:text-neutral-300"
    >
      <span>{error ?? "Published."}</span>
      {!error && (
        <>
          <span aria-hidden="true">·</span>
          <button
            type="button"
            disabled={undoing}
            onClick={() => void undo()}
            className="font-semibold text-blue-700 underline underline-offset-2 disabled:opacity-50 dark:text-blue-300"
          >
            {undoing ? "Undoing…" : "Undo"}
          </button>
        </>
      )}
      {error && (
        <button type="button" onClick={onDone} className="text-xs underline">
          Dismiss
        </button>
      )}
    </p>
  );
}
