// What an open editor warns about: colleagues' saves of its entry since it was opened (or since this tab last
// saved it), who made each, when, and which fields changed. Pure, so it is unit-tested; the workspace holds the
// list per open entry and the editor renders it, ticking.
import type { EntryDTO } from "@/common/contracts/dto";
import type { ChangedBy } from "@/common/contracts/events";

/** The fields a person recognises, in the order a sentence names them. */
export const CHANGED_FIELDS = [
  "headline",
  "text",
  "label",
  "key event",
  "pin",
  "status",
  "schedule",
  "author",
] as const;
export type ChangedField = (typeof CHANGED_FIELDS)[number];

const FIELD_OF: Record<ChangedField, (entry: EntryDTO) => unknown> = {
  headline: (entry) => entry.headline ?? "",
  text: (entry) => entry.body,
  label: (entry) => entry.label ?? "",
  "key event": (entry) => entry.keyEvent,
  pin: (entry) => entry.pinned,
  status: (entry) => entry.status,
  schedule: (entry) => entry.scheduledAt ?? "",
  author: (entry) => entry.author.id,
};

/** Which fields differ between two versions of an entry. */
export function changedFields(before: EntryDTO, after: EntryDTO): ChangedField[] {
  return CHANGED_FIELDS.filter((field) => FIELD_OF[field](before) !== FIELD_OF[field](after));
}

export interface ColleagueChange {
  /** Null: the system (the scheduler publishing it on time). */
  by: ChangedBy | null;
  /** When this tab heard of it (ms since the epoch). */
  at: number;
  fields: ChangedField[];
}

/** Open entries' changes, by entry id. */
export type ChangesByEntry = Readonly<Record<string, readonly ColleagueChange[]>>;

export interface SavedNotice {
  /** The entry as this tab knew it before the notice (null: not loaded). */
  previous: EntryDTO | null;
  entry: EntryDTO;
  by: ChangedBy | null;
  at: number;
}

/** True when `entry` is newer than `known` (pins change updatedAt, not version). */
function isNewer(entry: EntryDTO, known: EntryDTO): boolean {
  return entry.version !== known.version ? entry.version > known.version : entry.updatedAt > known.updatedAt;
}

/**
 * A saved notice from the newsroom socket for an entry open in an editor here (`open`). Someone else's change
 * is added; this person's own save (in any tab) clears the list, as they have seen the entry as it is now.
 */
export function noticeHeard(
  changes: ChangesByEntry,
  notice: SavedNotice,
  selfId: string,
  open: boolean,
): ChangesByEntry {
  const { previous, entry, by, at } = notice;
  if (!open) return changes;
  if (by?.id === selfId) return savedHere(changes, entry.id);
  if (!previous || !isNewer(entry, previous)) return changes;
  const fields = changedFields(previous, entry);
  if (fields.length === 0) return changes;
  return { ...changes, [entry.id]: [...(changes[entry.id] ?? []), { by, at, fields }] };
}

/** This tab saved the entry, or closed or dismissed the warning: nothing to warn about any more. */
export function savedHere(changes: ChangesByEntry, entryId: string): ChangesByEntry {
  if (!(entryId in changes)) return changes;
  const { [entryId]: _gone, ...rest } = changes;
  return rest;
}

/** "10 s ago", "just now", "3 min ago", "2 h ago". */
export function ageInWords(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  if (seconds < 1) return "just now";
  if (seconds < 60) return `${seconds} s ago`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  return `${Math.floor(minutes / 60)} h ago`;
}

function fieldsInWords(fields: readonly ChangedField[]): string {
  const names = CHANGED_FIELDS.filter((field) => fields.includes(field));
  if (names.length <= 1) return `the ${names[0] ?? "entry"}`;
  return `the ${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}

/**
 * One sentence per person, the latest first: "Ana changed the headline and text 10 s ago" (every field that
 * person changed, and the time of their latest change).
 */
export function describeChanges(changes: readonly ColleagueChange[], now: number): { who: string; text: string }[] {
  const byPerson = new Map<string, { key: string; name: string; at: number; fields: ChangedField[] }>();
  for (const change of changes) {
    const key = change.by?.id ?? "";
    const known = byPerson.get(key) ?? { key, name: change.by?.name ?? "The scheduler", at: 0, fields: [] };
    known.at = Math.max(known.at, change.at);
    for (const field of change.fields) if (!known.fields.includes(field)) known.fields.push(field);
    byPerson.set(key, known);
  }
  return [...byPerson.values()]
    .sort((a, b) => b.at - a.at)
    .map((person) => ({
      who: person.key,
      text: `${person.name} changed ${fieldsInWords(person.fields)} ${ageInWords(now - person.at)}`,
    }));
}
