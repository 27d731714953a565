// Which order a reader page shows its stream in: `?sort=newest|oldest` in the address, else what this reader
// chose last time (localStorage), else the blog's default. Pure, except the two storage helpers.
import type { FeedOrder } from "@/common/contracts/dto";

export const SORT_PARAM = "sort";
const STORAGE_KEY = "liveline:sort";

const PARAM_OF: Record<FeedOrder, string> = { NEWEST: "newest", OLDEST: "oldest" };

/** The order a `?sort=` value names, or undefined for anything else (absent, misspelt: the default applies). */
export function parseSort(value: unknown): FeedOrder | undefined {
  if (value === "newest") return "NEWEST";
  if (value === "oldest") return "OLDEST";
  return undefined;
}

export function sortParamOf(order: FeedOrder): string {
  return PARAM_OF[order];
}

/**
 * Where a reader whose page was rendered in `rendered` order (the address's `?sort=` or the blog's default)
 * should be: null to stay, or the address to go to, when the address has no `?sort=` and they chose another
 * order before.
 */
export function preferredAddress(href: string, rendered: FeedOrder, stored: FeedOrder | undefined): string | null {
  const url = new URL(href);
  if (parseSort(url.searchParams.get(SORT_PARAM)) || !stored || stored === rendered) return null;
  return withSort(href, stored);
}

/** `href` showing the stream in `order` (other query parameters and the fragment kept). */
export function withSort(href: string, order: FeedOrder): string {
  const url = new URL(href);
  url.searchParams.set(SORT_PARAM, sortParamOf(order));
  return url.toString();
}

export function readStoredSort(): FeedOrder | undefined {
  try {
    return parseSort(localStorage.getItem(STORAGE_KEY));
  } catch {
    return undefined; // storage blocked: the address and the blog's default still decide
  }
}

export function storeSort(order: FeedOrder): void {
  try {
    localStorage.setItem(STORAGE_KEY, sortParamOf(order));
  } catch {
    // Storage blocked: the choice holds for this address only.
  }
}
