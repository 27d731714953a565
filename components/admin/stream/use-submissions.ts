"use client";
// The workspace's submissions (the editors' queue, or a contributor's own), kept current from the newsroom socket.
// The room has no replay, so after each (re)join the list is read again; what arrives while that read is on its way
// is applied again on top of its answer, so a review heard meanwhile is not undone by an older read.
import { useCallback, useRef, useState } from "react";
import type { EntryDTO, SubmissionDTO } from "@/common/contracts/dto";
import { apiRequest } from "@/components/admin/api-request";
import { applyEntryRemoved, applyEntrySaved, applyReview, type SubmissionView } from "./submission-list";

type Change = (items: SubmissionDTO[]) => SubmissionDTO[];

export interface Submissions {
  view: SubmissionView | null;
  items: SubmissionDTO[];
  saved: (entry: EntryDTO) => void;
  removed: (id: string) => void;
  reviewed: (submission: SubmissionDTO) => void;
  reload: () => Promise<void>;
}

export function useSubmissions(
  slug: string,
  initial: { view: SubmissionView; items: SubmissionDTO[] } | null,
): Submissions {
  const view = initial?.view ?? null;
  const [items, setItems] = useState(initial?.items ?? []);
  const changesDuringReload = useRef<Change[] | null>(null);
  const change = useCallback((next: Change) => {
    changesDuringReload.current?.push(next);
    setItems(next);
  }, []);

  const saved = useCallback(
    (entry: EntryDTO) => view && change((current) => applyEntrySaved(view, current, entry)),
    [view, change],
  );
  const removed = useCallback((id: string) => change((current) => applyEntryRemoved(current, id)), [change]);
  const reviewed = useCallback(
    (submission: SubmissionDTO) => view && change((current) => applyReview(view, current, submission)),
    [view, change],
  );
  const reload = useCallback(async () => {
    if (!view) return;
    const changes: Change[] = [];
    changesDuringReload.current = changes;
    try {
      const answer = await apiRequest<{ submissions: SubmissionDTO[] }>(
        "GET",
        `/api/blogs/${encodeURIComponent(slug)}/submissions`,
      );
      setItems(changes.reduce((list, next) => next(list), answer.submissions));
    } catch {
      // The next reconnect tries again; what is on screen stays.
    } finally {
      if (changesDuringReload.current === changes) changesDuringReload.current = null;
    }
  }, [slug, view]);

  return { view, items, saved, removed, reviewed, reload };
}
