"use client";
// Someone saved the entry after this editor loaded it. Nothing is overwritten until the writer picks a side.
import type { EntryDTO } from "@/common/contracts/dto";
import { EntryArticle } from "@/components/feed/EntryArticle";
import { buttonStyles } from "@/components/admin/styles";

export function ConflictPanel({
  mine,
  theirs,
  busy,
  onKeepMine,
  onTakeTheirs,
}: {
  mine: EntryDTO;
  theirs: EntryDTO;
  busy: boolean;
  onKeepMine: () => void;
  onTakeTheirs: () => void;
}) {
  return (
    <section
      role="alert"
      aria-labelledby={`conflict-${mine.id}`}
      className="rounded border-2 border-amber-500 bg-amber-50 p-3 dark:bg-amber-950/40"
    >
      <h3 id={`conflict-${mine.id}`} className="font-bold">
        Someone else changed this entry while you were editing
      </h3>
      <p className="mt-1 text-neutral-700 dark:text-neutral-300">
        Nothing was saved. Compare both versions, then keep yours (it replaces theirs) or take theirs (your changes are
        dropped).
      </p>
      <div className="mt-3 grid gap-3 md:grid-cols-2">
        <div data-testid="conflict-mine" className="rounded bg-white p-2 dark:bg-neutral-900">
          <h4 className="text-xs font-semibold uppercase tracking-wide text-neutral-600 dark:text-neutral-400">
            Your version
          </h4>
          <EntryArticle entry={mine} preview />
        </div>
        <div data-testid="conflict-theirs" className="rounded bg-white p-2 dark:bg-neutral-900">
          <h4 className="text-xs font-semibold uppercase tracking-wide text-neutral-600 dark:text-neutral-400">
            Saved version (v{theirs.version},{" "}
            {new Date(theirs.updatedAt).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" })})
          </h4>
          <EntryArticle entry={theirs} preview />
        </div>
      </div>
      <div className="mt-3 flex flex-wrap gap-2">
        <button type="button" disabled={busy} onClick={onKeepMine} className={buttonStyles.danger}>
          Keep mine (overwrite)
        </button>
        <button type="button" disabled={busy} onClick={onTakeTheirs} className={buttonStyles.secondary}>
          Take theirs
        </button>
      </div>
    </section>
  );
}
