"use client";
// The live island of a reader page: starts from the server-rendered state and applies events in place.
import { useCallback, useState } from "react";
import type { EntryPage } from "@/server/contracts/dto";
import type { BlogEvent } from "@/server/contracts/events";
import { StatusBadge } from "@/components/ui/StatusBadge";
import { EntryArticle } from "./EntryArticle";
import { appendOlder, applyEvent, type FeedState } from "./feed-state";
import { useBlogEvents, type ConnectionState } from "./use-blog-events";

const CONNECTION_TEXT: Record<ConnectionState, string> = {
  connecting: "Connecting…",
  live: "Live",
  reconnecting: "Reconnecting…",
};

export function LiveFeed({ initial }: { initial: FeedState }) {
  const [state, setState] = useState(initial);
  const [loadingOlder, setLoadingOlder] = useState(false);
  const [olderError, setOlderError] = useState<string | null>(null);
  const onEvent = useCallback((event: BlogEvent) => setState((current) => applyEvent(current, event)), []);
  const connection = useBlogEvents(initial.blog.slug, initial.seq, onEvent);
  const { blog } = state;

  const loadOlder = async () => {
    if (!state.nextCursor) return;
    setLoadingOlder(true);
    setOlderError(null);
    try {
      const query = new URLSearchParams({ before: state.nextCursor, limit: "20", pinned: "false" });
      const response = await fetch(`/api/blogs/${encodeURIComponent(blog.slug)}/entries?${query}`);
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const page = (await response.json()) as EntryPage;
      setState((current) => appendOlder(current, page.entries, page.nextCursor));
    } catch {
      setOlderError("Could not load older updates. Try again.");
    } finally {
      setLoadingOlder(false);
    }
  };

  return (
    <>
      <header className="mb-6 border-b border-neutral-200 pb-4 dark:border-neutral-800">
        <div className="mb-2 flex items-center gap-3">
          <StatusBadge status={blog.status} />
          {blog.status === "LIVE" && (
            <span role="status" data-connection={connection} className="text-xs text-neutral-600 dark:text-neutral-400">
              {CONNECTION_TEXT[connection]}
            </span>
          )}
        </div>
        <h1 className="text-3xl font-extrabold leading-tight sm:text-4xl">{blog.title}</h1>
        {blog.summary && <p className="mt-3 text-lg text-neutral-700 dark:text-neutral-300">{blog.summary}</p>}
      </header>

      {state.pinned.length > 0 && (
        <section aria-labelledby="pinned-heading" data-testid="pinned" className="mb-8 rounded-lg bg-amber-50 p-4 dark:bg-neutral-900">
          <h2 id="pinned-heading" className="mb-2 text-sm font-bold uppercase tracking-wide text-amber-800 dark:text-amber-400">
            Pinned
          </h2>
          {state.pinned.map((entry) => (
            <EntryArticle key={entry.id} entry={entry} />
          ))}
        </section>
      )}

      <section aria-labelledby="stream-heading" data-testid="stream">
        <h2 id="stream-heading" className="sr-only">
          Latest updates
        </h2>
        {state.entries.length === 0 && state.pinned.length === 0 && (
          <p className="text-neutral-600 dark:text-neutral-400">No updates yet. New ones will appear here as they are published.</p>
        )}
        {state.entries.map((entry) => (
          <EntryArticle key={entry.id} entry={entry} />
        ))}
      </section>

      {state.nextCursor && (
        <div className="my-8 text-center">
          <button
            type="button"
            onClick={loadOlder}
            disabled={loadingOlder}
            className="rounded border border-neutral-400 px-4 py-2 font-medium hover:bg-neutral-100 focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 disabled:opacity-60 dark:hover:bg-neutral-800"
          >
            {loadingOlder ? "Loading…" : "Load older"}
          </button>
          {olderError && <p role="alert" className="mt-2 text-sm text-red-700">{olderError}</p>}
        </div>
      )}
    </>
  );
}
