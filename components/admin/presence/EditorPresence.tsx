"use client";
// Inside an open editor: who else has this entry open, and a warning, at once, when a colleague saved it since
// it was opened here ("Ana changed the headline 10 s ago", ticking). Resolving the difference is the conflict
// panel's work when this editor saves; this only tells.
import { useEffect, useState } from "react";
import type { PresencePerson } from "@/common/contracts/events";
import { buttonStyles } from "@/components/admin/styles";
import { describeChanges, type ColleagueChange } from "./colleague-changes";
import { editingNotice } from "./presence-state";

export interface EditorColleagues {
  /** Colleagues with this entry open now. */
  editing: readonly PresencePerson[];
  /** Their saves of it since it was opened here. */
  changes: readonly ColleagueChange[];
  onDismiss: () => void;
}

export function EditorPresence({ editing, changes, onDismiss }: EditorColleagues) {
  const now = useTickingNow(changes.length > 0);
  const alsoEditing = editingNotice(editing, true);
  if (!alsoEditing && changes.length === 0) return null;
  return (
    <div className="space-y-2">
      {alsoEditing && (
        <p
          data-testid="also-editing"
          className="rounded bg-emerald-50 px-3 py-1.5 text-sm text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100"
        >
          {alsoEditing}
        </p>
      )}
      {changes.length > 0 && (
        <div
          role="alert"
          data-testid="changed-underneath"
          className="flex flex-wrap items-start gap-2 rounded border border-amber-400 bg-amber-50 px-3 py-2 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-50"
        >
          <ul className="flex-1 space-y-0.5">
            {describeChanges(changes, now).map((line) => (
              <li key={line.who}>{line.text}</li>
            ))}
          </ul>
          <button type="button" onClick={onDismiss} className={buttonStyles.link}>
            Dismiss
          </button>
        </div>
      )}
    </div>
  );
}

/** The time now, again every second while `ticking`. */
function useTickingNow(ticking: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!ticking) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [ticking]);
  // A change heard after the last tick reads "just now" until the next one.
  return now;
}
