import { useSyncExternalStore } from "react";

const nothingToWatch = () => () => {};

/**
 * False while the server renders and while the browser hydrates that HTML, true from the next render on.
 * What only the browser knows (its time zone, navigator.share, a working submit handler) is shown from then,
 * without a hydration mismatch and without an effect that sets state.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    nothingToWatch,
    () => true,
    () => false,
  );
}
