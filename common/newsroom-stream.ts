// The newsroom stream's order, filters and search, defined once: the server pages with them and the workspace
// keeps live changes in the same place, so an entry a colleague changes lands where a reload would put it.
//
// Order: entries not yet published come first, where a newsroom looks for what is next — scheduled ones
// (soonest first), then drafts (newest written first) — and then published entries as readers see them, by
// publication time in the blog's order. No group orders by last change, so fixing a typo in an old entry
// never lifts it.
import type { EntryDTO, EntryStatus, FeedOrder } from "./contracts/dto";
import { plainTextOf } from "./entry-text";

/** What one filter keeps: entries in these statuses, and/or the signed-in writer's own. */
export interface StreamFilterRule {
  label: string;
  statuses?: readonly EntryStatus[];
  mine?: boolean;
}

/** The workspace's filters, in the order its buttons show them. A new one (e.g. submitted entries) is one line. */
export const STREAM_FILTER_RULES = {
  drafts: { label: "Drafts", statuses: ["DRAFT"] },
  scheduled: { label: "Scheduled", statuses: ["SCHEDULED"] },
  submitted: { label: "Submitted", statuses: ["SUBMITTED"] },
  mine: { label: "Mine", mine: true },
  published: { label: "Published", statuses: ["PUBLISHED"] },
} as const satisfies Record<string, StreamFilterRule>;

export type StreamFilter = keyof typeof STREAM_FILTER_RULES;
export const STREAM_FILTERS = Object.keys(STREAM_FILTER_RULES) as [StreamFilter, ...StreamFilter[]];

/** The most characters a search may hold. */
export const MAX_STREAM_SEARCH_LENGTH = 100;

/** Which of the stream's groups an entry sits in, top first. */
export type StreamGroup = 0 | 1 | 2;

/** A group's entries are ordered by this time, in this direction (published ones: the blog's order). */
export interface StreamGroupOrder {
  field: "scheduledAt" | "createdAt" | "publishedAt";
  ascending: boolean;
}

// Contributors' entries in review are work not yet published, like drafts (newest written first).
const GROUP_OF_STATUS: Record<EntryStatus, StreamGroup> = {
  SCHEDULED: 0,
  DRAFT: 1,
  SUBMITTED: 1,
  RETURNED: 1,
  REJECTED: 1,
  PUBLISHED: 2,
};
export const STREAM_GROUPS: readonly StreamGroup[] = [0, 1, 2];

export function streamGroupOf(status: EntryStatus): StreamGroup {
  return GROUP_OF_STATUS[status];
}

export function statusesOfGroup(group: StreamGroup): EntryStatus[] {
  return (Object.keys(GROUP_OF_STATUS) as EntryStatus[]).filter((status) => GROUP_OF_STATUS[status] === group);
}

export function groupOrder(group: StreamGroup, blogOrder: FeedOrder): StreamGroupOrder {
  if (group === 0) return { field: "scheduledAt", ascending: true };
  if (group === 1) return { field: "createdAt", ascending: false };
  return { field: "publishedAt", ascending: blogOrder === "OLDEST" };
}

/** Where an entry sits in the stream: its group, then its group's time, then its id (a tie-break). */
export interface StreamPosition {
  group: StreamGroup;
  at: number;
  id: string;
}

type Positioned = Pick<EntryDTO, "id" | "status" | "scheduledAt" | "createdAt" | "publishedAt">;

export function streamPositionOf(entry: Positioned, blogOrder: FeedOrder): StreamPosition {
  const group = streamGroupOf(entry.status);
  const time = entry[groupOrder(group, blogOrder).field] ?? entry.createdAt;
  return { group, at: Date.parse(time), id: entry.id };
}

/** Negative when `a` is shown above `b`. */
export function compareStreamPositions(a: StreamPosition, b: StreamPosition, blogOrder: FeedOrder): number {
  if (a.group !== b.group) return a.group - b.group;
  const sign = groupOrder(a.group, blogOrder).ascending ? 1 : -1;
  if (a.at !== b.at) return (a.at - b.at) * sign;
  return (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) * sign;
}

/** What the stream shows: one filter (or all entries) and a search, as in the workspace's URL. */
export interface StreamView {
  filter: StreamFilter | null;
  search: string;
}

export const ALL_ENTRIES: StreamView = { filter: null, search: "" };

/** The search as compared: trimmed, whitespace collapsed, lower case. */
export function normalizeStreamSearch(search: string): string {
  return search.trim().replace(/\s+/g, " ").toLocaleLowerCase();
}

/** True when the headline or the entry's text (not its markup) holds the search. */
export function matchesStreamSearch(entry: Pick<EntryDTO, "headline" | "body">, search: string): boolean {
  const wanted = normalizeStreamSearch(search);
  if (!wanted) return true;
  const text = `${entry.headline ?? ""} ${plainTextOf(entry.body)}`.replace(/\s+/g, " ").toLocaleLowerCase();
  return text.includes(wanted);
}

export function matchesStreamFilter(
  entry: Pick<EntryDTO, "status" | "author">,
  filter: StreamFilter | null,
  actorId: string,
): boolean {
  if (filter === null) return true;
  const rule: StreamFilterRule = STREAM_FILTER_RULES[filter];
  if (rule.statuses && !rule.statuses.includes(entry.status)) return false;
  return !rule.mine || entry.author.id === actorId;
}

export function matchesStreamView(entry: EntryDTO, view: StreamView, actorId: string): boolean {
  return matchesStreamFilter(entry, view.filter, actorId) && matchesStreamSearch(entry, view.search);
}

/** The workspace URL's query for a view (`?filter=drafts&q=fire`), "" for all entries. */
export function streamViewQuery(view: StreamView): string {
  const query = new URLSearchParams();
  if (view.filter) query.set("filter", view.filter);
  if (view.search.trim()) query.set("q", view.search.trim());
  const text = query.toString();
  return text ? `?${text}` : "";
}

/** A view from a URL's query; unknown filters mean all entries, an over-long search is cut. */
export function streamViewOf(params: { filter?: string | null; q?: string | null }): StreamView {
  const filter = STREAM_FILTERS.find((name) => name === params.filter) ?? null;
  return { filter, search: (params.q ?? "").slice(0, MAX_STREAM_SEARCH_LENGTH) };
}
