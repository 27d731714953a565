"use client";
// The review workflow in a blog's workspace. Editors and admins: the queue of contributors' submissions, each to
// publish, send back with a note, or reject. A contributor: their own submissions and what became of each, live.
import { useState } from "react";
import type { SubmissionDTO } from "@/common/contracts/dto";
import { apiRequest, messageOf } from "@/components/admin/api-request";
import { buttonStyles, inputStyles, labelStyles } from "@/components/admin/styles";
import { EMBED_STYLES } from "@/components/feed/EntryText";
import { EntryTime } from "@/components/feed/EntryTime";
import { outcomeOf, type SubmissionView } from "./submission-list";

export interface SubmissionsPanelProps {
  slug: string;
  view: SubmissionView;
  submissions: SubmissionDTO[];
  /** The answer to a review this editor made, applied at once (the socket brings it too). */
  onReviewed: (submission: SubmissionDTO) => void;
}

export function SubmissionsPanel({ slug, view, submissions, onReviewed }: SubmissionsPanelProps) {
  const headingId = `submissions-${view}`;
  return (
    <section
      aria-labelledby={headingId}
      data-testid="submissions"
      className="space-y-2 rounded-lg border border-amber-300 bg-amber-50/50 p-3 dark:border-amber-800 dark:bg-amber-950/30"
    >
      <h2 id={headingId} className="flex items-center gap-2 text-lg font-bold">
        {view === "queue" ? "Submissions" : "Your submissions"}
        <span
          data-testid="submission-count"
          aria-label={`${submissions.length} ${view === "queue" ? "waiting" : "in all"}`}
          className="rounded-full bg-amber-600 px-2 text-sm font-semibold text-white"
        >
          {submissions.length}
        </span>
      </h2>
      {submissions.length === 0 && (
        <p className="text-sm text-neutral-600 dark:text-neutral-400">
          {view === "queue"
            ? "Nothing waiting. Contributors' entries appear here the moment they submit them."
            : "What you submit appears here, and what the editors make of it."}
        </p>
      )}
      <ul className="space-y-2">
        {submissions.map((submission) =>
          view === "queue" ? (
            <QueueItem key={submission.entry.id} slug={slug} submission={submission} onReviewed={onReviewed} />
          ) : (
            <OutcomeItem key={submission.entry.id} submission={submission} />
          ),
        )}
      </ul>
    </section>
  );
}

function SubmissionText({ submission }: { submission: SubmissionDTO }) {
  const { entry } = submission;
  return (
    <>
      <h3 className="font-bold">{entry.headline ?? `Entry by ${entry.author.name}`}</h3>
      {/* Sanitized on the server. */}
      <div
        className={`entry-body mt-1 max-h-32 overflow-hidden text-sm ${EMBED_STYLES}`}
        dangerouslySetInnerHTML={{ __html: entry.body }}
      />
    </>
  );
}

type Decision = "publish" | "return" | "reject";

function QueueItem({
  slug,
  submission,
  onReviewed,
}: {
  slug: string;
  submission: SubmissionDTO;
  onReviewed: (submission: SubmissionDTO) => void;
}) {
  const { entry, review } = submission;
  const [asking, setAsking] = useState<"return" | "reject" | null>(null);
  const [note, setNote] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const noteId = `review-note-${entry.id}`;

  const decide = async (action: Decision) => {
    if (busy) return;
    if (action === "return" && !note.trim()) return setError("Say what to change before sending it back.");
    setBusy(true);
    setError(null);
    try {
      const body = { action, version: entry.version, ...(note.trim() ? { note: note.trim() } : {}) };
      const path = `/api/blogs/${encodeURIComponent(slug)}/entries/${encodeURIComponent(entry.id)}/review`;
      onReviewed(await apiRequest<SubmissionDTO>("POST", path, body));
    } catch (caught) {
      setError(messageOf(caught, "Could not reach the server. Try again."));
    } finally {
      setBusy(false);
    }
  };

  return (
    <li
      data-testid="submission"
      data-entry-id={entry.id}
      className="rounded border border-neutral-200 bg-white p-3 dark:border-neutral-800 dark:bg-neutral-900"
    >
      <p className="text-xs text-neutral-600 dark:text-neutral-400">
        From <span className="font-medium text-neutral-800 dark:text-neutral-200">{entry.author.name}</span>
        {" · "}
        <EntryTime iso={review.at} />
      </p>
      <SubmissionText submission={submission} />
      {asking && (
        <div className="mt-2">
          <label htmlFor={noteId} className={labelStyles}>
            {asking === "return" ? `Note to ${entry.author.name}` : "Note (optional)"}
          </label>
          <textarea
            id={noteId}
            rows={2}
            maxLength={2000}
            value={note}
            onChange={(event) => setNote(event.target.value)}
            className={inputStyles}
          />
        </div>
      )}
      <div className="mt-2 flex flex-wrap gap-2">
        {asking === null ? (
          <>
            <button
              type="button"
              disabled={busy}
              onClick={() => void decide("publish")}
              className={buttonStyles.primary}
            >
              {busy ? "Publishing…" : "Publish"}
            </button>
            <button
              type="button"
              disabled={busy}
              onClick={() => setAsking("return")}
              className={buttonStyles.secondary}
            >
              Send back…
            </button>
            <button
              type="button"
              disabled={busy}
              onClick={() => setAsking("reject")}
              className={buttonStyles.secondary}
            >
              Reject…
            </button>
          </>
        ) : (
          <>
            <button
              type="button"
              disabled={busy}
              onClick={() => void decide(asking)}
              className={asking === "reject" ? buttonStyles.danger : buttonStyles.primary}
            >
              {asking === "return" ? "Send back" : "Reject"}
            </button>
            <button type="button" disabled={busy} onClick={() => setAsking(null)} className={buttonStyles.secondary}>
              Cancel
            </button>
          </>
        )}
      </div>
      {error && (
        <p role="alert" className="mt-2 text-xs text-red-700 dark:text-red-400">
          {error}
        </p>
      )}
    </li>
  );
}

function OutcomeItem({ submission }: { submission: SubmissionDTO }) {
  const { entry, review } = submission;
  return (
    <li
      data-testid="submission"
      data-entry-id={entry.id}
      data-status={entry.status}
      className="rounded border border-neutral-200 bg-white p-3 dark:border-neutral-800 dark:bg-neutral-900"
    >
      <p role="status" className="text-sm font-semibold">
        {outcomeOf(submission)} · <EntryTime iso={review.at} />
      </p>
      {review.note && review.action !== "submitted" && (
        <blockquote className="mt-1 border-l-4 border-amber-500 pl-2 text-sm" data-testid="review-note">
          {review.note}
        </blockquote>
      )}
      <SubmissionText submission={submission} />
    </li>
  );
}
