import type { LiveListState } from "./use-live-list";

const TEXT: Record<LiveListState, string> = {
  connecting: "Connecting…",
  live: "Updates live",
  offline: "Not updating live",
};

/** Whether a list on this page follows colleagues' changes right now. */
export function LiveListStatus({ state }: { state: LiveListState }) {
  return (
    <p role="status" data-live-list={state} className="text-xs text-neutral-600 dark:text-neutral-400">
      {TEXT[state]}
    </p>
  );
}
