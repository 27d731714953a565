// One timer for every relative time on the page: each <RelativeTime> subscribes to the same clock,
// which ticks while anyone listens. The server has no "now" worth rendering (the page would be stale
// and would not match the browser's), so it sees null and renders absolute UTC times instead.
import { useSyncExternalStore } from "react";

const TICK_MS = 15_000;

let now = 0;
let timer: ReturnType<typeof setInterval> | undefined;
const listeners = new Set<() => void>();

function tick(): void {
  now = Date.now();
  for (const listener of listeners) listener();
}

function onVisible(): void {
  if (document.visibilityState === "visible") tick();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (!timer) {
    now = Date.now();
    timer = setInterval(tick, TICK_MS);
    // A tab in the background may have its timers throttled: catch up as soon as it is shown.
    document.addEventListener("visibilitychange", onVisible);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer) {
      clearInterval(timer);
      timer = undefined;
      document.removeEventListener("visibilitychange", onVisible);
    }
  };
}

const getSnapshot = () => now || (now = Date.now());
const getServerSnapshot = () => null;

/** The current time, shared and refreshed every 15 s; null on the server and while hydrating. */
export function useNow(): number | null {
  return useSyncExternalStore(subscribe, getSnapshot, getServerSnapshot);
}
