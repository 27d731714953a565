"use client";
// The order readers see the blog's pinned entries in, and buttons to change it. The list is read from the API
// (pinned entries may be older than the stream's loaded pages) and again whenever the newsroom hears of a pin,
// an unpin or a new order; a move that meets a colleague's change in between is refused and the list reloaded.
import { useCallback, useEffect, useState } from "react";
import type { EntryDTO, EntryPage } from "@/common/contracts/dto";
import { entryTitleOf } from "@/common/entry-text";
import { apiRequest, messageOf } from "@/components/admin/api-request";
import { moved, pinnedInOrder, pinnedSignature } from "./pinned-order";

const moveButton =
  "rounded border border-neutral-300 px-2 py-0.5 text-xs font-medium hover:bg-neutral-100 disabled:opacity-40 dark:border-neutral-700 dark:hover:bg-neutral-800 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-blue-600";

export function PinnedOrder({ slug, entries }: { slug: string; entries: readonly EntryDTO[] }) {
  const [pinned, setPinned] = useState<EntryDTO[]>(() => pinnedInOrder(entries));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const base = `/api/blogs/${encodeURIComponent(slug)}`;

  const reload = useCallback(async () => {
    try {
      const page = await apiRequest<EntryPage>("GET", `${base}/entries?pinned=true&limit=100`);
      setPinned(pinnedInOrder(page.entries));
    } catch {
      // What is shown stays; the next change heard reads it again.
    }
  }, [base]);

  const signature = pinnedSignature(entries);
  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the list lives on the server: read again on each pin change heard
    void reload();
  }, [reload, signature]);

  const move = async (id: string, by: -1 | 1) => {
    const order = moved(
      pinned.map((e) => e.id),
      id,
      by,
    );
    setBusy(true);
    setError(null);
    try {
      const answer = await apiRequest<{ pinned: EntryDTO[] }>("PUT", `${base}/pins`, { order });
      setPinned(answer.pinned);
    } catch (caught) {
      setError(messageOf(caught, "Could not move it. Try again."));
      await reload();
    } finally {
      setBusy(false);
    }
  };

  if (pinned.length === 0) return null;
  return (
    <section
      aria-labelledby="pinned-order-heading"
      data-testid="pinned-order"
      className="rounded border border-red-200 bg-white p-3 dark:border-red-900 dark:bg-neutral-900"
    >
      <h3 id="pinned-order-heading" className="mb-2 text-sm font-bold">
        Pinned for readers, in this order
      </h3>
      <ol className="space-y-1">
        {pinned.map((entry, index) => {
          const title = entryTitleOf(entry, 80);
          return (
            <li key={entry.id} data-pinned-id={entry.id} className="flex items-center gap-2 text-sm">
              <span className="w-5 text-right tabular-nums text-neutral-500">{index + 1}.</span>
              <span className="min-w-0 flex-1 truncate">{title}</span>
              <button
                type="button"
                className={moveButton}
                disabled={busy || index === 0}
                aria-label={`Move up: ${title}`}
                onClick={() => void move(entry.id, -1)}
              >
                ↑
              </button>
              <button
                type="button"
                className={moveButton}
                disabled={busy || index === pinned.length - 1}
                aria-label={`Move down: ${title}`}
                onClick={() => void move(entry.id, 1)}
              >
                ↓
              </button>
            </li>
          );
        })}
      </ol>
      {error && (
        <p role="alert" className="mt-2 text-xs text-red-700 dark:text-red-400">
          {error}
        </p>
      )}
    </section>
  );
}
