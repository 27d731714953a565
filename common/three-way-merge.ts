// Three-way merges for entries edited by two people at once: the version both started from (base), the one a
// colleague saved meanwhile (theirs) and the one being saved now (mine). Changes to different fields, and to
// different blocks of the body, merge by themselves; where both changed the same thing differently, the merge
// says so and the writer chooses. Pure and isomorphic, so the composer runs it and tests drive every case.
import { commonPairs, htmlBlocks } from "./text-diff";

export type MergeChunk =
  /** Both sides agree here (unchanged, changed on one side only, or changed the same way on both). */
  | { kind: "resolved"; items: string[] }
  /** Both sides changed this stretch of the base differently. */
  | { kind: "conflict"; base: string[]; mine: string[]; theirs: string[] };

const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** One side's change: base items [start, end) replaced by `items` (start === end: an insertion before start). */
interface Hunk {
  start: number;
  end: number;
  items: string[];
}

function hunksOf(base: readonly string[], side: readonly string[]): Hunk[] {
  const hunks: Hunk[] = [];
  let i = 0;
  let j = 0;
  for (const [atBase, atSide] of [...commonPairs(base, side), [base.length, side.length] as const]) {
    if (atBase > i || atSide > j) hunks.push({ start: i, end: atBase, items: side.slice(j, atSide) });
    i = atBase + 1;
    j = atSide + 1;
  }
  return hunks;
}

/** Two changes touch: their base ranges overlap, or both insert at the same place. */
function touch(a: Hunk, b: Hunk): boolean {
  if (a.start === a.end && b.start === b.end) return a.start === b.start;
  return a.start < b.end && b.start < a.end;
}

/** The base's items [start, end) with a side's hunks (all inside that range) applied. */
function applyHunks(base: readonly string[], start: number, end: number, hunks: readonly Hunk[]): string[] {
  const out: string[] = [];
  let at = start;
  for (const hunk of hunks) {
    out.push(...base.slice(at, hunk.start), ...hunk.items);
    at = hunk.end;
  }
  out.push(...base.slice(at, end));
  return out;
}

/**
 * A three-way merge of sequences (the body's blocks): each side's changes are found against the base; changes
 * that do not touch the same items are both applied, even in neighbouring items; where they do, and differ, the
 * stretch is a conflict. The same change made on both sides is taken once.
 */
export function mergeSequences(
  base: readonly string[],
  mine: readonly string[],
  theirs: readonly string[],
): MergeChunk[] {
  const all = [
    ...hunksOf(base, mine).map((hunk) => ({ ...hunk, side: "mine" as const })),
    ...hunksOf(base, theirs).map((hunk) => ({ ...hunk, side: "theirs" as const })),
  ].sort((a, b) => a.start - b.start || a.end - b.end);
  // Changes that touch, directly or through another, are settled together.
  const clusters: (typeof all)[] = [];
  for (const hunk of all) {
    const cluster = clusters.at(-1);
    if (cluster?.some((other) => touch(other, hunk))) cluster.push(hunk);
    else clusters.push([hunk]);
  }
  const chunks: MergeChunk[] = [];
  const resolved = (items: readonly string[]) => {
    if (items.length === 0) return;
    const last = chunks.at(-1);
    if (last?.kind === "resolved") last.items.push(...items);
    else chunks.push({ kind: "resolved", items: [...items] });
  };
  let at = 0;
  for (const cluster of clusters) {
    const start = Math.min(...cluster.map((hunk) => hunk.start));
    const end = Math.max(...cluster.map((hunk) => hunk.end));
    resolved(base.slice(at, start));
    const fromMine = applyHunks(
      base,
      start,
      end,
      cluster.filter((hunk) => hunk.side === "mine"),
    );
    const fromTheirs = applyHunks(
      base,
      start,
      end,
      cluster.filter((hunk) => hunk.side === "theirs"),
    );
    const fromBase = base.slice(start, end);
    if (same(fromMine, fromBase)) resolved(fromTheirs);
    else if (same(fromTheirs, fromBase) || same(fromMine, fromTheirs)) resolved(fromMine);
    else chunks.push({ kind: "conflict", base: fromBase, mine: fromMine, theirs: fromTheirs });
    at = end;
  }
  resolved(base.slice(at));
  return chunks;
}

/** The entry fields two people can change at once (the composer's, less the author, which an edit keeps). */
export interface MergeableFields {
  headline: string;
  /** Sanitized HTML, as the editor writes it. */
  body: string;
  label: string;
  keyEvent: boolean;
}

export type MergeField = keyof MergeableFields;
export const MERGE_FIELDS: readonly MergeField[] = ["headline", "label", "keyEvent", "body"];

export type FieldMerge =
  /** Taken without asking: `from` says whose change it is ("both" when they made the same one, "none": unchanged). */
  | { outcome: "merged"; from: "mine" | "theirs" | "both" | "none" | "blocks"; value: MergeableFields[MergeField] }
  /** Both changed it differently: pick one (the body: per conflicting stretch of blocks). */
  | {
      outcome: "conflict";
      base: MergeableFields[MergeField];
      mine: MergeableFields[MergeField];
      theirs: MergeableFields[MergeField];
      chunks?: MergeChunk[];
    };

export interface EntryMerge {
  fields: Record<MergeField, FieldMerge>;
  /** Fields where their change was taken in (for "Merged with Ana's change to the headline"). */
  takenFromTheirs: MergeField[];
  /** Fields that need a choice. */
  conflicts: MergeField[];
}

function mergeValue<K extends MergeField>(
  field: K,
  base: MergeableFields,
  mine: MergeableFields,
  theirs: MergeableFields,
): FieldMerge {
  const [b, m, t] = [base[field], mine[field], theirs[field]];
  if (m === t) return { outcome: "merged", from: m === b ? "none" : "both", value: m };
  if (m === b) return { outcome: "merged", from: "theirs", value: t };
  if (t === b) return { outcome: "merged", from: "mine", value: m };
  if (field !== "body") return { outcome: "conflict", base: b, mine: m, theirs: t };
  // Both changed the body: block by block, edits to different paragraphs merge.
  const chunks = mergeSequences(htmlBlocks(b as string), htmlBlocks(m as string), htmlBlocks(t as string));
  if (chunks.every((chunk) => chunk.kind === "resolved"))
    return { outcome: "merged", from: "blocks", value: chunks.flatMap((chunk) => chunk.items).join("") };
  return { outcome: "conflict", base: b, mine: m, theirs: t, chunks };
}

export function mergeEntryFields(base: MergeableFields, mine: MergeableFields, theirs: MergeableFields): EntryMerge {
  const fields = Object.fromEntries(
    MERGE_FIELDS.map((field) => [field, mergeValue(field, base, mine, theirs)]),
  ) as Record<MergeField, FieldMerge>;
  return {
    fields,
    takenFromTheirs: MERGE_FIELDS.filter((field) => {
      const merge = fields[field];
      return merge.outcome === "merged" && (merge.from === "theirs" || merge.from === "blocks");
    }),
    conflicts: MERGE_FIELDS.filter((field) => fields[field].outcome === "conflict"),
  };
}

/** A writer's pick for a conflict: a field's (or one stretch of the body's) version. "both": mine, then theirs. */
export type MergeChoice = "mine" | "theirs" | "both";

/** What to pick for each conflicting field; the body takes one choice per conflicting stretch, in order. */
export interface MergeChoices {
  headline?: "mine" | "theirs";
  label?: "mine" | "theirs";
  keyEvent?: "mine" | "theirs";
  body?: MergeChoice[];
}

/** How many choices the body needs (its conflicting stretches). */
export function bodyConflictCount(merge: EntryMerge): number {
  const body = merge.fields.body;
  return body.outcome === "conflict" ? (body.chunks ?? []).filter((chunk) => chunk.kind === "conflict").length : 0;
}

/** The merged fields once every conflict has a choice (a missing one keeps mine). */
export function resolveMerge(merge: EntryMerge, choices: MergeChoices): MergeableFields {
  const pick = <K extends MergeField>(field: K): MergeableFields[K] => {
    const merged = merge.fields[field];
    if (merged.outcome === "merged") return merged.value as MergeableFields[K];
    if (field === "body") return resolveBody(merged.chunks ?? [], choices.body ?? []) as MergeableFields[K];
    const choice = choices[field] ?? "mine";
    return (choice === "theirs" ? merged.theirs : merged.mine) as MergeableFields[K];
  };
  return { headline: pick("headline"), body: pick("body"), label: pick("label"), keyEvent: pick("keyEvent") };
}

function resolveBody(chunks: readonly MergeChunk[], choices: readonly MergeChoice[]): string {
  let conflictIndex = 0;
  return chunks
    .flatMap((chunk) => {
      if (chunk.kind === "resolved") return chunk.items;
      const choice = choices[conflictIndex++] ?? "mine";
      return choice === "theirs" ? chunk.theirs : choice === "both" ? [...chunk.mine, ...chunk.theirs] : chunk.mine;
    })
    .join("");
}
