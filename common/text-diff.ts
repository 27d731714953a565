// Word-level differences between two texts, and between two sanitized entry bodies block by block, for the
// newsroom's History and its merge panel. Pure and isomorphic. The sequence diff is Myers' O((N+M)·D) algorithm
// after trimming what both share at either end, so a typo fixed in a long body costs a few steps, not N·M.
import { plainTextOf } from "./entry-text";

export interface DiffOp {
  type: "equal" | "delete" | "insert";
  text: string;
}

/** Past this many differences the middle of two sequences counts as wholly replaced (a rewrite, not an edit). */
const MAX_EDIT_DISTANCE = 4_000;

/**
 * The pairs (index in `a`, index in `b`) of a longest common subsequence of the two sequences, in order: what
 * stayed. Items are compared with ===.
 */
export function commonPairs<T>(a: readonly T[], b: readonly T[]): Array<[number, number]> {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const pairs: Array<[number, number]> = [];
  for (let i = 0; i < start; i++) pairs.push([i, i]);
  for (const [i, j] of myersPairs(a.slice(start, endA), b.slice(start, endB))) pairs.push([i + start, j + start]);
  for (let i = endA, j = endB; i < a.length; i++, j++) pairs.push([i, j]);
  return pairs;
}

function myersPairs<T>(a: readonly T[], b: readonly T[]): Array<[number, number]> {
  const n = a.length;
  const m = b.length;
  if (n === 0 || m === 0) return [];
  // trace[d][k + d]: the furthest x reached on diagonal k (x - y) with d differences.
  const trace: Int32Array[] = [];
  const maxD = Math.min(n + m, MAX_EDIT_DISTANCE);
  for (let d = 0; d <= maxD; d++) {
    const row = new Int32Array(2 * d + 1);
    const previous = trace[d - 1];
    for (let k = -d; k <= d; k += 2) {
      let x = 0;
      if (previous) {
        const down = k === -d || (k !== d && previous[k + 1 + d - 1]! > previous[k - 1 + d - 1]!);
        x = down ? previous[k + 1 + d - 1]! : previous[k - 1 + d - 1]! + 1;
      }
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      row[k + d] = x;
      if (x >= n && y >= m) {
        trace.push(row);
        return backtrack(trace, n, m);
      }
    }
    trace.push(row);
  }
  return [];
}

function backtrack(trace: Int32Array[], n: number, m: number): Array<[number, number]> {
  const pairs: Array<[number, number]> = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d > 0; d--) {
    const previous = trace[d - 1]!;
    const k = x - y;
    const down = k === -d || (k !== d && previous[k + 1 + d - 1]! > previous[k - 1 + d - 1]!);
    const previousK = down ? k + 1 : k - 1;
    const previousX = previous[previousK + d - 1]!;
    const startX = down ? previousX : previousX + 1;
    const startY = startX - k;
    while (x > startX && y > startY) pairs.push([--x, --y]);
    x = previousX;
    y = previousX - previousK;
  }
  while (x > 0 && y > 0) pairs.push([--x, --y]);
  return pairs.reverse();
}

/** The operations that turn `a` into `b`: runs of equal, deleted and inserted items, joined into text. */
export function diffSequences(a: readonly string[], b: readonly string[], joiner = ""): DiffOp[] {
  const ops: DiffOp[] = [];
  const push = (type: DiffOp["type"], items: readonly string[]) => {
    if (items.length === 0) return;
    const last = ops.at(-1);
    if (last?.type === type) last.text += joiner + items.join(joiner);
    else ops.push({ type, text: items.join(joiner) });
  };
  let i = 0;
  let j = 0;
  for (const [pairA, pairB] of [...commonPairs(a, b), [a.length, b.length] as [number, number]]) {
    push("delete", a.slice(i, pairA));
    push("insert", b.slice(j, pairB));
    if (pairA < a.length) push("equal", [a[pairA]!]);
    i = pairA + 1;
    j = pairB + 1;
  }
  return ops;
}

/** Words, runs of white space and single punctuation marks: "9 000;" is ["9", " ", "000", ";"]. */
export function wordTokens(text: string): string[] {
  return text.match(/\s+|[\p{L}\p{N}\p{M}]+(?:['’][\p{L}\p{N}\p{M}]+)*|[^\s\p{L}\p{N}\p{M}]/gu) ?? [];
}

/** A word-level diff of two plain texts. */
export function wordDiff(before: string, after: string): DiffOp[] {
  return diffSequences(wordTokens(before), wordTokens(after));
}

// Elements that never hold content, so they open no block.
const VOID_ELEMENTS = new Set(["br", "hr", "img", "wbr", "source", "col", "area", "input", "embed", "meta", "link"]);

/**
 * The top-level blocks of a sanitized body (each paragraph, heading, list, quote, figure…), verbatim, so joining
 * them gives the body back less the white space between blocks. Never cuts inside a tag or an element.
 */
export function htmlBlocks(html: string): string[] {
  const blocks: string[] = [];
  const tag = /<(\/)?([a-zA-Z][\w-]*)\b[^>]*?(\/)?>/g;
  let depth = 0;
  let start = 0;
  let match: RegExpExecArray | null;
  const flushText = (end: number) => {
    const text = html.slice(start, end);
    if (text.trim()) blocks.push(text.trim());
  };
  while ((match = tag.exec(html))) {
    const [whole, closing, name = "", selfClosing] = match;
    const isVoid = VOID_ELEMENTS.has(name.toLowerCase()) || selfClosing !== undefined;
    if (depth === 0 && !closing) {
      flushText(match.index);
      start = match.index;
    }
    if (closing) depth = Math.max(0, depth - 1);
    else if (!isVoid) depth++;
    if (depth === 0) {
      const end = match.index + whole.length;
      if (closing || isVoid) {
        blocks.push(html.slice(start, end));
        start = end;
      }
    }
  }
  flushText(html.length);
  return blocks;
}

/** What a reader reads of one block; a picture or an embed without text reads as such. */
export function blockText(block: string): string {
  const text = plainTextOf(block);
  if (text) return text;
  const alt = /<img\b[^>]*?\balt="([^"]*)"/i.exec(block)?.[1];
  if (alt) return `[picture: ${plainTextOf(alt)}]`;
  return /<(img|iframe|figure)\b/i.test(block) ? "[picture or embed]" : "";
}

export type BlockDiff =
  | { type: "equal"; text: string }
  | { type: "delete"; text: string }
  | { type: "insert"; text: string }
  /** A block edited in place: its words' differences. */
  | { type: "changed"; ops: DiffOp[] };

/**
 * Two sanitized bodies compared block by block, and word by word within each block that changed. It works on
 * the blocks' text, so tags are never split; a block whose markup alone changed (a link added) reads as changed
 * with no word differences.
 */
export function bodyDiff(beforeHtml: string, afterHtml: string): BlockDiff[] {
  const before = htmlBlocks(beforeHtml);
  const after = htmlBlocks(afterHtml);
  const result: BlockDiff[] = [];
  let i = 0;
  let j = 0;
  const flushGap = (endA: number, endB: number) => {
    const removed = before.slice(i, endA);
    const added = after.slice(j, endB);
    const paired = Math.min(removed.length, added.length);
    for (let p = 0; p < paired; p++)
      result.push({ type: "changed", ops: wordDiff(blockText(removed[p]!), blockText(added[p]!)) });
    for (const block of removed.slice(paired)) result.push({ type: "delete", text: blockText(block) });
    for (const block of added.slice(paired)) result.push({ type: "insert", text: blockText(block) });
  };
  for (const [pairA, pairB] of commonPairs(before, after)) {
    flushGap(pairA, pairB);
    result.push({ type: "equal", text: blockText(before[pairA]!) });
    i = pairA + 1;
    j = pairB + 1;
  }
  flushGap(before.length, after.length);
  return result;
}
