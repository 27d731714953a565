"use client";
// The time a scheduled entry publishes itself, picked in the writer's own zone.
import { FormField } from "@/components/admin/FormField";
import { buttonStyles, inputStyles } from "@/components/admin/styles";
import { localInputValue } from "./schedule-time";

export function ScheduleFields({
  id,
  value,
  error,
  disabled,
  scheduling,
  onChange,
  onConfirm,
}: {
  /** Prefix for the input's id. */
  id: string;
  value: string;
  error: string | null;
  disabled: boolean;
  /** The scheduling request is on its way. */
  scheduling: boolean;
  onChange: (value: string) => void;
  onConfirm: () => void;
}) {
  return (
    <div
      role="group"
      aria-label="Schedule"
      className="flex flex-wrap items-end gap-2 rounded border border-neutral-300 p-2 dark:border-neutral-700"
    >
      <FormField htmlFor={`${id}-schedule`} label="Publish at (your time)">
        <input
          id={`${id}-schedule`}
          type="datetime-local"
          step={1}
          min={localInputValue(new Date())}
          value={value}
          aria-invalid={error ? true : undefined}
          onChange={(event) => onChange(event.target.value)}
          className={inputStyles}
        />
      </FormField>
      <button type="button" disabled={disabled} onClick={onConfirm} className={buttonStyles.primary}>
        {scheduling ? "Scheduling…" : "Schedule"}
      </button>
      {error && (
        <p role="alert" className="w-full text-xs text-red-700 dark:text-red-400">
          {error}
        </p>
      )}
    </div>
  );
}
