"use client";
// Attaching a public correction note to a published entry (editors): readers see it with the entry at once.
import { useId, useState } from "react";
import type { EntryDTO } from "@/common/contracts/dto";
import { MAX_CORRECTION_LENGTH } from "@/common/contracts/schemas";
import { apiRequest, messageOf } from "@/components/admin/api-request";
import { buttonStyles, inputStyles, labelStyles } from "@/components/admin/styles";

export function CorrectionForm({
  entryPath,
  onSaved,
  onClose,
}: {
  entryPath: string;
  onSaved: (entry: EntryDTO) => void;
  onClose: () => void;
}) {
  const id = useId();
  const [text, setText] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      const answer = await apiRequest<{ entry: EntryDTO }>("POST", `${entryPath}/corrections`, { text });
      onSaved(answer.entry);
      onClose();
    } catch (caught) {
      setError(messageOf(caught, "Could not reach the server. Try again."));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="mt-3 space-y-2 rounded border border-amber-400 bg-amber-50 p-2 dark:bg-amber-950/40"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <label htmlFor={`${id}-text`} className={labelStyles}>
        Correction note (public)
      </label>
      <textarea
        id={`${id}-text`}
        required
        maxLength={MAX_CORRECTION_LENGTH}
        rows={2}
        value={text}
        onChange={(event) => setText(event.target.value)}
        placeholder="An earlier version said 7 000; it was 9 000."
        aria-describedby={`${id}-hint`}
        className={inputStyles}
      />
      <p id={`${id}-hint`} className="text-xs text-neutral-600 dark:text-neutral-400">
        Plain text, shown to readers under the entry as “Correction: …”, in feeds and to search engines.
      </p>
      {error && (
        <p role="alert" className="text-xs text-red-700 dark:text-red-400">
          {error}
        </p>
      )}
      <div className="flex gap-2">
        <button type="submit" disabled={busy || text.trim() === ""} className={buttonStyles.primary}>
          {busy ? "Publishing…" : "Publish correction"}
        </button>
        <button type="button" onClick={onClose} className={buttonStyles.secondary}>
          Cancel
        </button>
      </div>
    </form>
  );
}
