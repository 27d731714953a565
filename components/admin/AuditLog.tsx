"use client";
import { useState } from "react";
import type { AuditAction, AuditEventDTO } from "@/common/contracts/dto";
import { apiRequest, messageOf } from "./api-request";
import { DataTable } from "./DataTable";
import { FormAlert } from "./FormAlert";
import { Timestamp } from "./Timestamp";
import { buttonStyles } from "./styles";
import { LiveListStatus } from "./LiveListStatus";
import { useLiveList } from "./use-live-list";

export interface AuditPage {
  events: AuditEventDTO[];
  nextCursor: string | null;
}

const ACTION_NAMES: Record<AuditAction, string> = {
  "blog.created": "created the blog",
  "blog.edited": "edited the blog",
  "blog.ended": "ended the blog",
  "blog.reopened": "reopened the blog",
  "blog.labels-edited": "edited the labels",
  "entry.drafted": "saved a draft",
  "entry.scheduled": "scheduled an entry",
  "entry.published": "published an entry",
  "entry.edited": "edited an entry",
  "entry.unpublished": "unpublished an entry",
  "entry.deleted": "deleted an entry",
  "entry.pinned": "pinned an entry",
  "entry.unpinned": "unpinned an entry",
  "blog.pins-reordered": "reordered the pinned entries",
  "entry.key-event-set": "marked a key event",
  "entry.key-event-cleared": "cleared a key event",
  "entry.submitted": "submitted an entry for review",
  "entry.returned": "sent a submission back",
  "entry.rejected": "rejected a submission",
  "entry.restored": "restored an earlier version",
  "entry.corrected": "added a correction",
};

/** The audit log, newest first; older pages are fetched from the API on request, new rows arrive live. */
export function AuditLog({ slug, initial, pageSize }: { slug: string; initial: AuditPage; pageSize: number }) {
  const [events, setEvents] = useState(initial.events);
  const [cursor, setCursor] = useState(initial.nextCursor);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const path = `/api/blogs/${encodeURIComponent(slug)}/audit`;

  // Rows are never edited, only added: the newest page's unseen rows go on top.
  const live = useLiveList({ list: "audit", slug }, async () => {
    const page = await apiRequest<AuditPage>("GET", `${path}?limit=${pageSize}`);
    setEvents((shown) => {
      const seen = new Set(shown.map((event) => event.id));
      return [...page.events.filter((event) => !seen.has(event.id)), ...shown];
    });
  });

  async function loadMore() {
    if (!cursor) return;
    setBusy(true);
    setError(null);
    try {
      const query = new URLSearchParams({ before: cursor, limit: String(pageSize) });
      const page = await apiRequest<AuditPage>("GET", `${path}?${query}`);
      setEvents((shown) => {
        const seen = new Set(shown.map((event) => event.id));
        return [...shown, ...page.events.filter((event) => !seen.has(event.id))];
      });
      setCursor(page.nextCursor);
    } catch (caught) {
      setError(messageOf(caught, "Older events could not be loaded. Try again."));
    } finally {
      setBusy(false);
    }
  }

  if (events.length === 0) {
    return (
      <div className="space-y-3">
        <LiveListStatus state={live} />
        <p className="rounded border border-dashed border-neutral-300 p-6 text-center text-neutral-600 dark:border-neutral-700">
          Nothing has happened in this blog yet.
        </p>
      </div>
    );
  }

  return (
    <div className="space-y-3">
      <LiveListStatus state={live} />
      <DataTable caption="Audit log, newest first" columns={["When", "Who", "What", "Details"]}>
        {events.map((event) => (
          <tr key={event.id} data-action={event.action}>
            <td className="px-3 py-1.5 whitespace-nowrap">
              <Timestamp iso={event.createdAt} />
            </td>
            <td className="px-3 py-1.5 whitespace-nowrap">
              {event.actor?.name ?? <span className="italic text-neutral-600 dark:text-neutral-400">System</span>}
            </td>
            <td className="px-3 py-1.5 whitespace-nowrap">{ACTION_NAMES[event.action] ?? event.action}</td>
            <td className="px-3 py-1.5 text-neutral-700 dark:text-neutral-300">{event.summary}</td>
          </tr>
        ))}
      </DataTable>
      <FormAlert message={error} />
      {cursor && (
        <button type="button" className={buttonStyles.secondary} disabled={busy} onClick={() => void loadMore()}>
          {busy ? "Loading…" : "Load more"}
        </button>
      )}
    </div>
  );
}
