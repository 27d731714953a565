"use client";
// The newsroom's live island for one blog: the composer, and every entry (drafts, scheduled, published)
// kept current from the newsroom socket room, so colleagues' work shows up without a reload.
import Link from "next/link";
import { useCallback, useEffect, useRef, useState } from "react";
import type { BlogDTO, BlogLabelDTO, ContributorDTO, EntryDTO, EntryPage, SubmissionDTO } from "@/common/contracts/dto";
import type { ChangedBy, PresencePerson } from "@/common/contracts/events";
import { can, type Actor } from "@/common/permissions";
import { apiRequest } from "@/components/admin/api-request";
import { buttonStyles } from "@/components/admin/styles";
import { Composer } from "@/components/admin/composer/Composer";
import { entriesWithStoredEdits } from "@/components/admin/composer/draft-storage";
import { STREAM_FILTER_RULES, streamViewQuery, type StreamView } from "@/common/newsroom-stream";
import { noticeHeard, savedHere, type ChangesByEntry } from "@/components/admin/presence/colleague-changes";
import { colleaguesEditing, editingClaims, othersHere } from "@/components/admin/presence/presence-state";
import { WhoIsHere } from "@/components/admin/presence/WhoIsHere";
import { useLatest } from "@/components/ui/use-latest";
import {
  appendOlderEntries,
  removeEntry,
  replaceFirstPage,
  STREAM_PAGE_SIZE,
  upsertEntry,
  type StreamScope,
  type StreamState,
} from "./stream-state";
import { StreamFilters } from "./StreamFilters";
import { PinnedOrder } from "./PinnedOrder";
import { StreamItem } from "./StreamItem";
import type { SubmissionView } from "./submission-list";
import { SubmissionsPanel } from "./SubmissionsPanel";
import { useSubmissions } from "./use-submissions";
import { useNewsroomEvents, type NewsroomConnection } from "./use-newsroom-events";

type Change = { kind: "saved"; entry: EntryDTO } | { kind: "removed"; id: string };

/** The API query of one page of the stream in `view`, after `before` when given. */
function streamPageQuery(view: StreamView, before?: string): string {
  const query = new URLSearchParams({ status: "all", limit: String(STREAM_PAGE_SIZE) });
  if (view.filter) query.set("filter", view.filter);
  if (view.search.trim()) query.set("q", view.search.trim());
  if (before) query.set("before", before);
  return query.toString();
}

const CONNECTION_TEXT: Record<NewsroomConnection, string> = {
  connecting: "Connecting…",
  live: "Live",
  reconnecting: "Reconnecting…",
  refused: "Not connected",
};

export interface BlogWorkspaceProps {
  blog: BlogDTO;
  actor: Actor;
  initial: StreamState;
  /** Editors' queue or a contributor's own submissions; null for journalists, who take no part in review. */
  submissions: { view: SubmissionView; items: SubmissionDTO[] } | null;
}

export function BlogWorkspace({ blog, actor, initial, submissions: initialSubmissions }: BlogWorkspaceProps) {
  const [state, setState] = useState(initial);
  const submissions = useSubmissions(blog.slug, initialSubmissions);
  const [editing, setEditing] = useState<ReadonlySet<string>>(new Set());
  const [contributors, setContributors] = useState<ContributorDTO[]>([]);
  const [labels, setLabels] = useState<BlogLabelDTO[]>([]);
  const [loadingOlder, setLoadingOlder] = useState(false);
  const [loadingView, setLoadingView] = useState(false);
  /** The view asked for (the list shows it once its first page is in). */
  const [wantedView, setWantedView] = useState(initial.scope.view);
  const [olderError, setOlderError] = useState<string | null>(null);
  const [people, setPeople] = useState<PresencePerson[]>([]);
  // Colleagues' saves of each entry open in an editor here, for its warning.
  const [changes, setChanges] = useState<ChangesByEntry>({});
  const latest = useLatest({ entries: state.entries, editing });
  const listPath = `/api/blogs/${encodeURIComponent(blog.slug)}/entries`;

  // Journalists and contributors see colleagues' published entries only, never their drafts.
  const visible = useCallback(
    (entry: EntryDTO) =>
      entry.status === "PUBLISHED" || can(actor, "entry:see-unpublished", { authorId: entry.author.id }),
    [actor],
  );
  const apply = useCallback(
    (state: StreamState, change: Change) =>
      change.kind === "removed"
        ? removeEntry(state, change.id)
        : visible(change.entry)
          ? upsertEntry(state, change.entry)
          : removeEntry(state, change.entry.id),
    [visible],
  );
  // Changes that arrive while the first page is being reloaded are applied again on top of it, so a
  // page read just before a colleague's change cannot hide that change.
  const changesDuringReload = useRef<Change[] | null>(null);
  const receive = useCallback(
    (change: Change) => {
      changesDuringReload.current?.push(change);
      setState((current) => apply(current, change));
    },
    [apply],
  );
  const { saved: submissionSaved, removed: submissionRemoved, reviewed: submissionReviewed } = submissions;
  const saved = useCallback(
    (entry: EntryDTO) => {
      receive({ kind: "saved", entry });
      submissionSaved(entry);
    },
    [receive, submissionSaved],
  );
  /** A save this tab made (its editor, a pin, a key event): its editor has nothing to warn about any more. */
  const savedHereToo = useCallback(
    (entry: EntryDTO) => {
      setChanges((current) => savedHere(current, entry.id));
      saved(entry);
    },
    [saved],
  );
  /** A save the newsroom socket heard of, by whoever made it. */
  const heard = useCallback(
    (entry: EntryDTO, by: ChangedBy | null) => {
      const { entries, editing: open } = latest.current;
      const previous = entries.find((known) => known.id === entry.id) ?? null;
      const at = Date.now();
      setChanges((current) => noticeHeard(current, { previous, entry, by, at }, actor.id, open.has(entry.id)));
      saved(entry);
    },
    [latest, actor.id, saved],
  );
  const removed = useCallback(
    (id: string) => {
      receive({ kind: "removed", id });
      submissionRemoved(id);
    },
    [receive, submissionRemoved],
  );
  const reviewed = useCallback(
    (submission: SubmissionDTO) => {
      saved(submission.entry);
      submissionReviewed(submission);
    },
    [saved, submissionReviewed],
  );
  // The view wanted now; an answer for an older one (the search changed again meanwhile) is dropped.
  const wanted = useRef<StreamScope>(initial.scope);
  const load = useCallback(
    async (scope: StreamScope) => {
      const meanwhile: Change[] = [];
      changesDuringReload.current = meanwhile;
      try {
        const page = await apiRequest<EntryPage>("GET", `${listPath}?${streamPageQuery(scope.view)}`);
        if (wanted.current !== scope) return;
        setState((current) => {
          const base = current.scope === scope ? current : { scope, entries: [], nextCursor: null };
          return meanwhile.reduce(apply, replaceFirstPage(base, page.entries, page.nextCursor));
        });
      } catch {
        // The next reconnect (or view change) tries again; what is on screen stays.
      } finally {
        if (changesDuringReload.current === meanwhile) changesDuringReload.current = null;
        if (wanted.current === scope) setLoadingView(false);
      }
    },
    [listPath, apply],
  );
  const reload = useCallback(() => load(wanted.current), [load]);
  const changeView = useCallback(
    (view: StreamView) => {
      const scope = { ...wanted.current, view };
      wanted.current = scope;
      setWantedView(view);
      // The view is the page's address, so a reload or a shared link shows the same entries.
      window.history.replaceState(null, "", `${window.location.pathname}${streamViewQuery(view)}`);
      setLoadingView(true);
      void load(scope);
    },
    [load],
  );
  const claims = editingClaims(editing, (id) => state.entries.some((entry) => entry.id === id));
  const { connection, refusal } = useNewsroomEvents(
    blog.slug,
    {
      onSaved: heard,
      onRemoved: removed,
      onReviewed: reviewed,
      onJoined: () => {
        void reload();
        void submissions.reload();
      },
      onPresence: setPeople,
    },
    claims,
  );

  useEffect(() => {
    if (!can(actor, "entry:post-as-other")) return;
    apiRequest<{ contributors: ContributorDTO[] }>("GET", "/api/contributors")
      .then((answer) => setContributors(answer.contributors))
      .catch(() => setContributors([])); // the author select then offers only the signed-in user
  }, [actor]);

  useEffect(() => {
    apiRequest<{ labels: BlogLabelDTO[] }>("GET", `/api/blogs/${encodeURIComponent(blog.slug)}/labels`)
      .then((answer) => setLabels(answer.labels))
      .catch(() => setLabels([])); // the picker then offers no label; entries keep theirs
  }, [blog.slug]);

  // Edits left unsaved in this browser (a reload, a crash) reopen in their editors.
  useEffect(() => {
    const pending = entriesWithStoredEdits(blog.slug).filter((id) => initial.entries.some((entry) => entry.id === id));
    // eslint-disable-next-line react-hooks/set-state-in-effect -- localStorage exists only after hydration
    if (pending.length) setEditing((current) => new Set([...current, ...pending]));
  }, [blog.slug, initial.entries]);

  const setEditingOf = (id: string, on: boolean) =>
    setEditing((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const closeEditorOf = (id: string) => {
    setEditingOf(id, false);
    setChanges((current) => savedHere(current, id));
  };

  const loadOlder = async () => {
    if (!state.nextCursor) return;
    setLoadingOlder(true);
    setOlderError(null);
    try {
      const scope = state.scope;
      const page = await apiRequest<EntryPage>("GET", `${listPath}?${streamPageQuery(scope.view, state.nextCursor)}`);
      setState((current) =>
        current.scope === scope ? appendOlderEntries(current, page.entries, page.nextCursor) : current,
      );
    } catch {
      setOlderError("Could not load older entries. Try again.");
    } finally {
      setLoadingOlder(false);
    }
  };

  const entries = state.entries.filter(visible);
  const { view } = state.scope;
  const filtered = view.filter !== null || view.search.trim() !== "";

  return (
    <div className="space-y-4">
      <header className="flex flex-wrap items-baseline gap-x-4 gap-y-1">
        <h1 className="text-2xl font-extrabold">{blog.title}</h1>
        <span className="text-xs font-semibold uppercase text-neutral-600 dark:text-neutral-400">
          {blog.status === "LIVE" ? "Live" : "Ended"}
        </span>
        <span className="flex-1" />
        <Link href={`/live/${blog.slug}`} target="_blank" className={buttonStyles.link}>
          Open the reader page
        </Link>
        {can(actor, "blog:edit") && (
          <Link href={`/admin/blogs/${blog.slug}/settings`} className={buttonStyles.link}>
            Blog settings
          </Link>
        )}
      </header>

      {submissions.view && (
        <SubmissionsPanel
          slug={blog.slug}
          view={submissions.view}
          submissions={submissions.items}
          onReviewed={reviewed}
        />
      )}

      <div className="grid gap-6 lg:grid-cols-[minmax(0,7fr)_minmax(0,5fr)]">
        <section
          aria-labelledby="composer-heading"
          className="self-start rounded-lg border border-neutral-200 bg-white p-4 dark:border-neutral-800 dark:bg-neutral-900 lg:sticky lg:top-4"
        >
          <h2 id="composer-heading" className="mb-3 text-lg font-bold">
            New entry
          </h2>
          <Composer
            blog={blog}
            actor={actor}
            contributors={contributors}
            labels={labels}
            onSaved={saved}
            onRemoved={removed}
          />
        </section>

        <section
          aria-labelledby="stream-heading"
          aria-busy={loadingView}
          data-testid="newsroom-stream"
          className="space-y-3"
        >
          <div className="flex items-center gap-3">
            <h2 id="stream-heading" className="text-lg font-bold">
              {view.filter ? STREAM_FILTER_RULES[view.filter].label : "All entries"}
            </h2>
            <span
              role="status"
              data-connection={connection}
              title={refusal ?? undefined}
              className="text-xs text-neutral-600 dark:text-neutral-400"
            >
              {CONNECTION_TEXT[connection]}
            </span>
          </div>
          <WhoIsHere others={othersHere(people, actor.id)} />
          <StreamFilters view={wantedView} onChange={changeView} />
          {can(actor, "entry:pin") && !filtered && <PinnedOrder slug={blog.slug} entries={state.entries} />}
          {entries.length === 0 && (
            <p className="text-neutral-600 dark:text-neutral-400">
              {filtered ? "No entries match." : "No entries yet. What you and your colleagues write appears here."}
            </p>
          )}
          {entries.map((entry) => (
            <StreamItem
              key={entry.id}
              entry={entry}
              blog={blog}
              actor={actor}
              contributors={contributors}
              labels={labels}
              editing={editing.has(entry.id)}
              onEdit={() => setEditingOf(entry.id, true)}
              onCloseEditor={() => closeEditorOf(entry.id)}
              colleagues={{
                editing: colleaguesEditing(people, actor.id, entry.id),
                changes: changes[entry.id] ?? [],
                onDismiss: () => setChanges((current) => savedHere(current, entry.id)),
              }}
              onChanged={savedHereToo}
              onRemoved={removed}
            />
          ))}
          {state.nextCursor && (
            <div className="text-center">
              <button
                type="button"
                disabled={loadingOlder}
                onClick={() => void loadOlder()}
                className={buttonStyles.secondary}
              >
                {loadingOlder ? "Loading…" : "Load older"}
              </button>
              {olderError && (
                <p role="alert" className="mt-1 text-xs text-red-700">
                  {olderError}
                </p>
              )}
            </div>
          )}
        </section>
      </div>
    </div>
  );
}
