// Entries: every use case readers and writers have, with permission checks and the event log inside. A write
// returns the entry with the effects of its commit (server/effects.ts): its reader event, the newsroom's notice.
import type { AuditAction, BlogStatus, EntryDTO, EntryPage, ReviewDTO } from "@/common/contracts/dto";
import type { BlogEvent } from "@/common/contracts/events";
import type { CreateEntryInput, EntryListQuery, UpdateEntryInput } from "@/common/contracts/schemas";
import { can, requirePermission, type Actor } from "@/common/permissions";
import {
  groupOrder,
  matchesStreamSearch,
  STREAM_FILTER_RULES,
  STREAM_GROUPS,
  statusesOfGroup,
  streamPositionOf,
  type StreamFilterRule,
  type StreamPosition,
} from "@/common/newsroom-stream";
import { isBlankHtml, sanitizeEntryHtml, type ImageSources } from "../content/sanitize";
import { AppError } from "@/common/app-error";
import {
  changedBy,
  committed,
  entryRemoved,
  entryReviewed,
  entrySaved,
  newsroomListsOf,
  type Committed,
  type Effect,
} from "../effects";
import { describeEntry, recordAudit, type AuditRecord } from "./audit";
import { appendEvent, recordEvent, takeNextSeq } from "./events";
import { checkEntryLabel } from "./labels";
import { findPublishedWithKey, rememberPublishKey, requestHashOf, type IdempotentRequest } from "./idempotency";
import { decodePageCursor, decodeStreamCursor, encodeStreamCursor, toPage } from "./page-cursor";
import { checkPinnedSet, PINNED_ORDER_BY, pinnedIdsOf, topPinOrder } from "./pin-order";
import { recordReview } from "./review-log";
import { entryInclude, toEntryDTO, visibleToReaders, type EntryRow } from "./to-dto";
import type { Db, Tx } from "./types";
import { isUniqueViolation } from "./unique-violation";
import { lastChangeOf, recordRevision } from "./revisions";

/**
 * What a write's transaction yields: the entry as it now is, the event readers get (null when readers see no
 * change), and the review step it took (a contributor submitting it; an editor's review), for the newsroom's queue.
 */
export interface EntryChange {
  entry: EntryDTO;
  event: BlogEvent | null;
  review?: ReviewDTO | null;
}

/** What an entry change by `by` (null: the system) tells readers and the newsroom. */
export function effectsOf({ entry, event, review }: EntryChange, by: Actor | null): Effect[] {
  return [...entrySaved(entry, event, by && changedBy(by)), ...(review ? entryReviewed(entry, review) : [])];
}

/** A committed entry change by `by` (null: the system) and what it tells readers and the newsroom. */
function savedChange(change: EntryChange, by: Actor | null): Committed<EntryDTO> {
  return committed(change.entry, effectsOf(change, by));
}

/** Statuses an editor settles through the review (POST …/review), not by editing the entry. */
const IN_REVIEW: ReadonlySet<Status> = new Set<Status>(["SUBMITTED", "RETURNED", "REJECTED"]);

type Status = EntryDTO["status"];

async function blogIdOf(db: Db | Tx, slug: string): Promise<{ id: string; status: BlogStatus; seq: number }> {
  const blog = await db.blog.findUnique({ where: { slug }, select: { id: true, status: true, seq: true } });
  if (!blog) throw new AppError("NOT_FOUND", `no blog with slug "${slug}"`);
  return blog;
}

/** A list query as the API parses it; callers in the server may leave out the order (newest first). */
type ListQuery = Omit<EntryListQuery, "order"> & { order?: EntryListQuery["order"] };

/**
 * One cursor page of entries. `published` (anyone): what readers see, by publication, newest first
 * (`order: "desc"`, paged on with `before`) or oldest first (`"asc"`, paged on with `after`); pinned entries keep
 * their place. `all` (writers): drafts and scheduled entries too, in the stream's order; journalists get
 * the published entries plus their own drafts and scheduled ones.
 */
export async function listEntries(
  db: Db,
  slug: string,
  query: ListQuery,
  actor: Actor | null = null,
): Promise<EntryPage> {
  if (query.status === "all") return listNewsroomEntries(db, requirePermission(actor, "newsroom:read"), slug, query);
  const blog = await blogIdOf(db, slug);
  const ascending = query.order === "asc";
  const given = ascending ? query.after : query.before;
  const cursor = given === undefined ? null : decodePageCursor("published", given);
  const past = ascending ? "gt" : "lt";
  const direction = ascending ? "asc" : "desc";
  const rows = await db.entry.findMany({
    where: {
      blogId: blog.id,
      ...visibleToReaders,
      ...(query.pinned === undefined ? {} : { pinned: query.pinned }),
      ...(cursor
        ? { OR: [{ publishedAt: { [past]: cursor.at } }, { publishedAt: cursor.at, id: { [past]: cursor.id } }] }
        : {}),
    },
    orderBy: [{ publishedAt: direction }, { id: direction }],
    take: query.limit + 1,
    include: entryInclude,
  });
  const { page, nextCursor } = toPage(rows, query.limit, "published", (row) => row.publishedAt);
  return { entries: page.map(toEntryDTO), nextCursor, seq: blog.seq };
}

/** With a search, rows are read in batches this big and compared by their text, up to STREAM_SEARCH_SCAN rows a page. */
const STREAM_SEARCH_BATCH = 100;
const STREAM_SEARCH_SCAN = 2000;

/**
 * The newsroom's list in the stream's order (common/newsroom-stream.ts): scheduled, then drafts, then published
 * as readers see them, one query per group reached. A filter narrows the statuses and authors in the query; a
 * search is compared against each entry's plain text here (the stored HTML's tags and attributes must not
 * match), reading at most STREAM_SEARCH_SCAN rows a page, so a rare word may give a short page whose cursor
 * carries on where the reading stopped.
 */
async function listNewsroomEntries(db: Db, actor: Actor, slug: string, query: ListQuery): Promise<EntryPage> {
  const blog = await db.blog.findUnique({ where: { slug }, select: { id: true, defaultSort: true } });
  if (!blog) throw new AppError("NOT_FOUND", `no blog with slug "${slug}"`);
  if (query.order === "asc")
    throw new AppError("BAD_REQUEST", "order: the newsroom's list has one order (see filter for parts of it)");
  const start = query.before === undefined ? null : decodeStreamCursor(query.before);
  const rule: StreamFilterRule | null = query.filter ? STREAM_FILTER_RULES[query.filter] : null;
  const search = query.q ?? "";
  const wanted = query.limit + 1;
  const found: EntryRow[] = [];
  let lastRead: StreamPosition | null = null;
  let read = 0;
  const positionOf = (row: EntryRow) => streamPositionOf(toEntryDTO(row), blog.defaultSort);

  for (const group of STREAM_GROUPS) {
    if (start && group < start.group) continue;
    const statuses = statusesOfGroup(group).filter((status) => !rule?.statuses || rule.statuses.includes(status));
    if (statuses.length === 0) continue;
    const { field, ascending } = groupOrder(group, blog.defaultSort);
    const past = ascending ? "gt" : "lt";
    const direction = ascending ? "asc" : "desc";
    let after = start?.group === group ? start : null;
    for (;;) {
      const take = search ? STREAM_SEARCH_BATCH : wanted - found.length;
      const rows = await db.entry.findMany({
        where: {
          blogId: blog.id,
          deletedAt: null,
          status: { in: statuses },
          ...(rule?.mine ? { authorId: actor.id } : {}),
          ...(query.pinned === undefined ? {} : { pinned: query.pinned }),
          AND: [
            // Journalists and contributors: the published entries and their own, never a colleague's unpublished one.
            can(actor, "entry:see-unpublished") ? {} : { OR: [{ status: "PUBLISHED" }, { authorId: actor.id }] },
            after
              ? {
                  OR: [
                    { [field]: { [past]: new Date(after.at) } },
                    { [field]: new Date(after.at), id: { [past]: after.id } },
                  ],
                }
              : {},
          ],
        },
        orderBy: [{ [field]: direction }, { id: direction }],
        take,
        include: entryInclude,
      });
      for (const row of rows) {
        read += 1;
        lastRead = positionOf(row);
        if (matchesStreamSearch(row, search)) found.push(row);
        if (found.length === wanted) break;
      }
      if (found.length === wanted) {
        const page = found.slice(0, query.limit);
        return { entries: page.map(toEntryDTO), nextCursor: encodeStreamCursor(positionOf(page.at(-1)!)) };
      }
      if (search && read >= STREAM_SEARCH_SCAN && lastRead) {
        return { entries: found.map(toEntryDTO), nextCursor: encodeStreamCursor(lastRead) };
      }
      if (rows.length < take) break;
      after = lastRead;
    }
  }
  return { entries: found.map(toEntryDTO), nextCursor: null };
}

/** The entries pinned to the top of the reader page, in the editors' order (see pin-order.ts). */
export async function listPinnedEntries(db: Db, slug: string): Promise<EntryDTO[]> {
  const blog = await blogIdOf(db, slug);
  const rows = await db.entry.findMany({
    where: { blogId: blog.id, ...visibleToReaders, pinned: true },
    orderBy: [...PINNED_ORDER_BY],
    include: entryInclude,
  });
  return rows.map(toEntryDTO);
}

/** Published key events, newest first: the reader page's timeline. */
export async function listKeyEvents(db: Db, slug: string, limit = 50): Promise<EntryDTO[]> {
  const blog = await blogIdOf(db, slug);
  const rows = await db.entry.findMany({
    where: { blogId: blog.id, ...visibleToReaders, keyEvent: true },
    orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
    take: limit,
    include: entryInclude,
  });
  return rows.map(toEntryDTO);
}

/** One entry; drafts and scheduled ones only for those who may edit them. */
export async function getEntry(db: Db, actor: Actor | null, slug: string, id: string): Promise<EntryDTO> {
  const row = await findEntryRow(db, slug, id);
  if (row.status !== "PUBLISHED" && !canSeeDraft(actor, row)) throw notFound(id);
  return toEntryDTO(row);
}

/** A published entry as readers may see it, or null (unknown, deleted, draft, scheduled, or in another blog). */
export async function findPublishedEntry(db: Db, slug: string, id: string): Promise<EntryDTO | null> {
  const row = await db.entry.findFirst({ where: { id, blog: { slug }, ...visibleToReaders }, include: entryInclude });
  return row ? toEntryDTO(row) : null;
}

const CREATED_ACTION: Record<CreatableStatus, AuditAction> = {
  DRAFT: "entry.drafted",
  SCHEDULED: "entry.scheduled",
  PUBLISHED: "entry.published",
  SUBMITTED: "entry.submitted",
};

type CreatableStatus = CreateEntryInput["status"];

/**
 * The status a new entry gets. A contributor's entry is never public: asked to publish, it goes to the editors
 * for review (SUBMITTED), and scheduling is refused; only contributors submit.
 */
function statusOfNewEntry(writer: Actor, requested: CreatableStatus): CreatableStatus {
  if (requested === "PUBLISHED" && !can(writer, "entry:publish") && can(writer, "entry:submit")) return "SUBMITTED";
  if (requested === "PUBLISHED" || requested === "SCHEDULED") requirePermission(writer, "entry:publish");
  if (requested === "SUBMITTED") requirePermission(writer, "entry:submit");
  return requested;
}

/** A create's result: `replayed` when an Idempotency-Key had already created this entry (nothing was written now). */
export interface EntryCreation {
  entry: EntryDTO;
  replayed: boolean;
}

/**
 * Creates an entry. With an `idempotencyKey`, the key is stored in the entry's transaction: the same
 * actor sending the same key and request again (within 24 h) gets the first entry back with no effects,
 * even when both requests race (see server/db/idempotency.ts).
 */
export async function createEntry(
  db: Db,
  actor: Actor | null,
  slug: string,
  input: CreateEntryInput,
  { idempotencyKey = null, imageHosts = [] }: { idempotencyKey?: string | null } & ImageSources = {},
): Promise<Committed<EntryCreation>> {
  const writer = requirePermission(actor, "entry:create");
  const idempotent: IdempotentRequest | null = idempotencyKey
    ? { key: idempotencyKey, requestHash: requestHashOf({ slug, input }) }
    : null;
  const replay = async (): Promise<Committed<EntryCreation> | null> => {
    const earlier = idempotent && (await findPublishedWithKey(db, writer.id, idempotent));
    return earlier ? committed({ entry: earlier, replayed: true }) : null;
  };
  const earlier = await replay();
  if (earlier) return earlier;
  try {
    const change = await insertEntry(db, writer, slug, input, idempotent, { imageHosts });
    return committed({ entry: change.entry, replayed: false }, effectsOf(change, writer));
  } catch (error) {
    // Another request with the same key committed first: answer what it answered.
    if (idempotent && isUniqueViolation(error)) {
      const winner = await replay();
      if (winner) return winner;
    }
    throw error;
  }
}

async function insertEntry(
  db: Db,
  writer: Actor,
  slug: string,
  input: CreateEntryInput,
  idempotent: IdempotentRequest | null,
  sources: ImageSources,
): Promise<EntryChange> {
  const authorId = input.authorId ?? writer.id;
  let authorName = writer.name;
  if (authorId !== writer.id) {
    requirePermission(writer, "entry:post-as-other");
    const author = await db.user.findUnique({ where: { id: authorId }, select: { active: true, displayName: true } });
    if (!author?.active) throw new AppError("BAD_REQUEST", "authorId: no active user with this id");
    authorName = author.displayName;
  }
  const status = statusOfNewEntry(writer, input.status);
  const body = cleanBody(input.body, sources);
  const now = new Date();
  const scheduledAt = scheduleOf(status, input.scheduledAt, { status: null, scheduledAt: null }, now);
  const published = status === "PUBLISHED";
  // Publishing is the path a newsroom waits on while readers wait for the entry, so it takes as few
  // statements as it can: the blog is found, checked and numbered in one, and the entry's author and
  // blog are known already rather than read back.
  return db.$transaction(async (tx) => {
    const numbered = published ? await takeNextSeq(tx, slug) : null;
    const blog = numbered ?? (await blogIdOf(tx, slug));
    if (blog.status === "ENDED") throw new AppError("CONFLICT", "this blog has ended; reopen it to add entries");
    // takeNextSeq found no live blog, yet one is there: it was reopened in between; the client may retry.
    if (published && !numbered) throw new AppError("CONFLICT", "this blog changed while publishing; try again");
    const labels = await checkEntryLabel(tx, blog.id, input.label);
    const created = await tx.entry.create({
      data: {
        blogId: blog.id,
        authorId,
        headline: input.headline || null,
        body,
        status,
        publishedAt: published ? now : null,
        scheduledAt,
        keyEvent: input.keyEvent,
        label: input.label || null,
      },
    });
    const row: EntryRow = {
      ...created,
      author: { id: authorId, displayName: authorName },
      blog: { slug, labels },
      corrections: [],
    };
    await recordRevision(tx, row, writer.id, { now, before: null });
    await recordAudit(tx, {
      blogId: blog.id,
      actorId: writer.id,
      action: CREATED_ACTION[status],
      entryId: row.id,
      summary: describeEntry(row) + (scheduledAt ? ` (for ${formatTime(scheduledAt)})` : ""),
    });
    const review = status === "SUBMITTED" ? await recordReview(tx, writer, row.id, "submitted", null) : null;
    const entry = toEntryDTO(row);
    const event = numbered
      ? await recordEvent(tx, blog.id, { type: "entry:published", payload: { blog: slug, seq: numbered.seq, entry } })
      : null;
    if (idempotent) await rememberPublishKey(tx, writer.id, idempotent, entry, now);
    return { entry, event, review };
  });
}

/** A save that puts an earlier revision back (see restore-revision.ts): recorded and audited as such. */
export interface Restoring {
  revisionId: string;
  version: number;
}

/**
 * Saves an edit based on `input.version`; a stale version is refused with a 409 whose details carry the entry
 * as it is now and who saved that version when (the composer merges from there).
 */
export async function updateEntry(
  db: Db,
  actor: Actor | null,
  slug: string,
  id: string,
  input: UpdateEntryInput,
  { restoring = null, ...sources }: ImageSources & { restoring?: Restoring | null } = {},
): Promise<Committed<EntryDTO>> {
  if (!actor) requirePermission(actor, "entry:edit");
  const body = input.body === undefined ? undefined : cleanBody(input.body, sources);
  const change = await db.$transaction(async (tx) => {
    const current = await findEntryRow(tx, slug, id);
    if (current.status !== "PUBLISHED" && !canSeeDraft(actor, current)) throw notFound(id);
    const editor = requirePermission(actor, "entry:edit", { authorId: current.authorId, status: current.status });
    if (input.label !== undefined) await checkEntryLabel(tx, current.blogId, input.label || null, current.label);
    const now = new Date();
    const status = input.status ?? current.status;
    checkStatusChange(editor, current.status, status);
    const scheduledAt = scheduleOf(status, input.scheduledAt, current, now);
    const goingPublic = status !== current.status && status !== "DRAFT";
    if (goingPublic && (await blogIdOf(tx, slug)).status === "ENDED") {
      throw new AppError("CONFLICT", "this blog has ended; reopen it to publish or schedule entries");
    }
    const next = {
      headline: input.headline === undefined ? current.headline : input.headline || null,
      body: body ?? current.body,
      label: input.label === undefined ? current.label : input.label || null,
      keyEvent: input.keyEvent ?? current.keyEvent,
    };
    const edited = (["headline", "body", "label"] as const).filter((field) => next[field] !== current[field]);
    const stillPublic = current.status === "PUBLISHED" && status === "PUBLISHED";
    // The version check and the write are one statement, so two concurrent saves cannot both win.
    const { count } = await tx.entry.updateMany({
      where: { id, version: input.version },
      data: {
        ...next,
        status,
        scheduledAt,
        ...(status === "PUBLISHED" && !current.publishedAt && { publishedAt: now }),
        ...(stillPublic && edited.length > 0 && { editedAt: now }),
        version: { increment: 1 },
      },
    });
    if (count === 0) {
      // Read again: a save may have committed between the first read and the update.
      const latest = await findEntryRow(tx, slug, id);
      const change = await lastChangeOf(tx, latest);
      const by = change.changedBy ? ` by ${change.changedBy.name}` : "";
      throw new AppError(
        "CONFLICT",
        `entry ${id} was changed by someone else (you edited version ${input.version}, it is now at ${latest.version}, saved${by} at ${change.changedAt})`,
        { current: toEntryDTO(latest), ...change },
      );
    }
    const row = await tx.entry.findUniqueOrThrow({ where: { id }, include: entryInclude });
    await recordRevision(tx, row, editor.id, { now, before: current.status, restoredFromId: restoring?.revisionId });
    await recordAudit(tx, auditOfUpdate(editor, current, row, edited, restoring));
    const submitted = row.status === "SUBMITTED" && current.status !== "SUBMITTED";
    const review = submitted ? await recordReview(tx, editor, id, "submitted", null) : null;
    const wasPublic = current.status === "PUBLISHED";
    const isPublic = row.status === "PUBLISHED";
    const type = isPublic ? (wasPublic ? "entry:updated" : "entry:published") : wasPublic ? "entry:deleted" : null;
    return { ...(await withEvent(tx, row, type)), review, editor };
  });
  return savedChange(change, change.editor);
}

/**
 * Whether a PATCH may take an entry from `from` to `to`. Publishing and scheduling need entry:publish, submitting
 * entry:submit (contributors). An entry in review changes status only through its review (an editor's
 * POST …/review) or its contributor (resubmitting a returned entry, taking one back to drafts); a rejected one
 * stays rejected.
 */
function checkStatusChange(actor: Actor, from: Status, to: Status): void {
  if (from === to) return;
  if (to === "PUBLISHED" || to === "SCHEDULED") requirePermission(actor, "entry:publish");
  if (to === "SUBMITTED") requirePermission(actor, "entry:submit");
  if (IN_REVIEW.has(from) && !can(actor, "entry:submit")) {
    throw new AppError(
      "CONFLICT",
      from === "SUBMITTED"
        ? "this entry is waiting for review: publish, send back or reject it with POST …/review"
        : `this entry was ${from === "RETURNED" ? "sent back to its contributor" : "rejected"}; its status changes no more here`,
    );
  }
}

/** The audit rows one PATCH makes: a status change, an edit naming its fields, a key-event change. */
function auditOfUpdate(
  actor: Actor,
  before: EntryRow,
  after: EntryRow,
  edited: readonly string[],
  restoring: Restoring | null,
): AuditRecord[] {
  const base = { blogId: after.blogId, actorId: actor.id, entryId: after.id };
  const what = describeEntry(after);
  const records: AuditRecord[] = [];
  if (before.status === "PUBLISHED" && after.status !== "PUBLISHED")
    records.push({ ...base, action: "entry.unpublished", summary: what });
  if (after.status === "PUBLISHED" && before.status !== "PUBLISHED")
    records.push({ ...base, action: "entry.published", summary: what });
  if (
    after.status === "SCHEDULED" &&
    (before.status !== "SCHEDULED" || before.scheduledAt?.getTime() !== after.scheduledAt?.getTime())
  ) {
    records.push({ ...base, action: "entry.scheduled", summary: `${what} (for ${formatTime(after.scheduledAt!)})` });
  }
  if (after.status === "DRAFT" && before.status === "SCHEDULED")
    records.push({ ...base, action: "entry.drafted", summary: `${what} (no longer scheduled)` });
  if (after.status === "SUBMITTED" && before.status !== "SUBMITTED")
    records.push({
      ...base,
      action: "entry.submitted",
      summary: before.status === "RETURNED" ? `${what} (again)` : what,
    });
  if (after.status === "DRAFT" && IN_REVIEW.has(before.status))
    records.push({ ...base, action: "entry.drafted", summary: `${what} (taken back from review)` });
  if (restoring)
    records.push({
      ...base,
      action: "entry.restored",
      summary: `version ${restoring.version} (${edited.join(", ") || "no text change"}): ${what}`,
    });
  else if (edited.length > 0)
    records.push({ ...base, action: "entry.edited", summary: `${edited.join(", ")}: ${what}` });
  if (after.keyEvent !== before.keyEvent) {
    records.push({
      ...base,
      action: after.keyEvent ? "entry.key-event-set" : "entry.key-event-cleared",
      summary: what,
    });
  }
  return records;
}

/**
 * The scheduledAt an entry gets for its (new) status. Only SCHEDULED entries have one; a new one
 * must lie in the future. Keeping an already scheduled entry as it is does not re-check the time,
 * so an edit a moment before it is due still saves (the scheduler then publishes it).
 */
function scheduleOf(
  status: Status,
  given: string | null | undefined,
  current: { status: Status | null; scheduledAt: Date | null },
  now: Date,
): Date | null {
  if (status !== "SCHEDULED") {
    if (given)
      throw new AppError("BAD_REQUEST", "scheduledAt: only a SCHEDULED entry has one (send status SCHEDULED with it)");
    return null;
  }
  const at = given === undefined ? current.scheduledAt : given === null ? null : new Date(given);
  if (!at)
    throw new AppError(
      "BAD_REQUEST",
      "scheduledAt: a SCHEDULED entry needs the time to publish it (ISO 8601, in the future)",
    );
  if ((given || current.status !== "SCHEDULED") && at.getTime() <= now.getTime()) {
    throw new AppError("BAD_REQUEST", "scheduledAt: must be in the future (to publish now, send status PUBLISHED)");
  }
  return at;
}

/** Soft delete: the row stays for the audit trail, readers see it go. */
export async function deleteEntry(db: Db, actor: Actor | null, slug: string, id: string): Promise<Committed<void>> {
  if (!actor) requirePermission(actor, "entry:delete");
  const removal = await db.$transaction(async (tx) => {
    const current = await findEntryRow(tx, slug, id);
    if (current.status !== "PUBLISHED" && !canSeeDraft(actor, current)) throw notFound(id);
    const writer = requirePermission(actor, "entry:delete", { authorId: current.authorId, status: current.status });
    // Only as it was checked: an editor publishing a contributor's submission meanwhile wins, and the delete is a 409.
    const { count } = await tx.entry.updateMany({
      where: { id, status: current.status, version: current.version, deletedAt: null },
      data: { deletedAt: new Date() },
    });
    if (count === 0) throw new AppError("CONFLICT", `entry ${id} changed while it was being deleted; look again`);
    const row = await tx.entry.findUniqueOrThrow({ where: { id }, include: entryInclude });
    await recordAudit(tx, {
      blogId: row.blogId,
      actorId: writer.id,
      action: "entry.deleted",
      entryId: id,
      summary: describeEntry(row),
    });
    const { event } = await withEvent(tx, row, current.status === "PUBLISHED" ? "entry:deleted" : null);
    return { blog: row.blog.slug, event };
  });
  return committed(undefined, entryRemoved(removal.blog, id, removal.event));
}

/** Pin or unpin. Saying the same twice is not an error and records nothing. A new pin goes above the others. */
export async function setEntryPinned(
  db: Db,
  actor: Actor | null,
  slug: string,
  id: string,
  pinned: boolean,
): Promise<Committed<EntryDTO>> {
  const writer = requirePermission(actor, "entry:pin");
  const change = await db.$transaction(async (tx): Promise<EntryChange> => {
    const current = await findEntryRow(tx, slug, id);
    if (current.status !== "PUBLISHED" && !canSeeDraft(actor, current)) throw notFound(id);
    if (current.pinned === pinned) return { entry: toEntryDTO(current), event: null };
    // Two pins at once may take the same place; the newer entry then goes first (PINNED_ORDER_BY).
    const pinOrder = pinned ? await topPinOrder(tx, current.blogId) : null;
    const row = await tx.entry.update({ where: { id }, data: { pinned, pinOrder }, include: entryInclude });
    await recordAudit(tx, {
      blogId: row.blogId,
      actorId: writer.id,
      action: pinned ? "entry.pinned" : "entry.unpinned",
      entryId: id,
      summary: describeEntry(row),
    });
    const type = row.status !== "PUBLISHED" ? null : pinned ? "entry:pinned" : "entry:unpinned";
    return withEvent(tx, row, type);
  });
  return savedChange(change, writer);
}

/**
 * Puts the blog's pinned entries (those readers see) in `order`, first on top. The order must name every
 * pinned entry once and nothing else: 400 otherwise (a colleague pinned or unpinned one since the list was read).
 *
 * Like every entry write it locks the entries it changes first (here in id order) and then the blog row (taking
 * the event's seq), so no two writes wait on each other in a circle; the pinned set is checked once the blog row
 * is held, so a pin, an unpin or another reorder is wholly before this one (and checked against) or after it.
 */
export async function reorderPinnedEntries(
  db: Db,
  actor: Actor | null,
  slug: string,
  order: readonly string[],
): Promise<Committed<EntryDTO[]>> {
  const writer = requirePermission(actor, "entry:pin");
  const { entries, event } = await db.$transaction(async (tx) => {
    const blog = await blogIdOf(tx, slug);
    const places = order.map((id, index) => ({ id, index })).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    for (const { id, index } of places) {
      await tx.entry.updateMany({ where: { id, blogId: blog.id }, data: { pinOrder: index } });
    }
    const event = await appendEvent(tx, blog.id, "pins:reordered", (seq) => ({ blog: slug, seq, order: [...order] }));
    // Throwing here rolls everything back, the seq taken included.
    checkPinnedSet(order, await pinnedIdsOf(tx, blog.id));
    const rows = await tx.entry.findMany({
      where: { blogId: blog.id, ...visibleToReaders, pinned: true },
      orderBy: [...PINNED_ORDER_BY],
      include: entryInclude,
    });
    const named = rows.slice(0, 3).map(describeEntry).join(" / ");
    await recordAudit(tx, {
      blogId: blog.id,
      actorId: writer.id,
      action: "blog.pins-reordered",
      summary: rows.length > 3 ? `${named} / …` : named,
    });
    return { entries: rows.map(toEntryDTO), event };
  });
  return committed(entries, [
    { type: "broadcast", event },
    ...entries.map((entry) => ({ type: "newsroom-entry-saved" as const, entry, by: changedBy(writer) })),
    ...newsroomListsOf(slug),
  ]);
}

/** SCHEDULED entries due at `now` in live blogs, oldest first (an ended blog's wait until it reopens). */
export async function findDueEntryIds(db: Db, now: Date, limit = 100): Promise<string[]> {
  const rows = await db.entry.findMany({
    where: { status: "SCHEDULED", deletedAt: null, scheduledAt: { lte: now }, blog: { status: "LIVE" } },
    orderBy: [{ scheduledAt: "asc" }, { id: "asc" }],
    take: limit,
    select: { id: true },
  });
  return rows.map((row) => row.id);
}

/**
 * Publishes one due SCHEDULED entry, or returns null when it is no longer due or scheduled (another
 * node published it, someone edited or deleted it). The claim is one conditional statement, so of two
 * schedulers racing for the entry exactly one gets count 1; its event and audit row are in the same
 * transaction.
 */
export async function publishScheduledEntry(db: Db, id: string, now: Date): Promise<Committed<EntryDTO> | null> {
  const change = await db.$transaction(async (tx) => {
    const { count } = await tx.entry.updateMany({
      where: { id, status: "SCHEDULED", deletedAt: null, scheduledAt: { lte: now } },
      data: { status: "PUBLISHED", publishedAt: now, scheduledAt: null, version: { increment: 1 } },
    });
    if (count === 0) return null;
    const row = await tx.entry.findUniqueOrThrow({ where: { id }, include: entryInclude });
    await recordRevision(tx, row, null, { now, before: "SCHEDULED" });
    await recordAudit(tx, {
      blogId: row.blogId,
      actorId: null,
      action: "entry.published",
      entryId: id,
      summary: `${describeEntry(row)} (on schedule)`,
    });
    return withEvent(tx, row, "entry:published");
  });
  return change && savedChange(change, null);
}

async function withEvent(
  tx: Tx,
  row: EntryRow,
  type: "entry:published" | "entry:updated" | "entry:pinned" | "entry:unpinned" | "entry:deleted" | null,
): Promise<EntryChange> {
  const entry = toEntryDTO(row);
  if (!type) return { entry, event: null };
  const event =
    type === "entry:deleted"
      ? await appendEvent(tx, row.blogId, type, (seq) => ({ blog: entry.blog, seq, id: entry.id }))
      : await appendEvent(tx, row.blogId, type, (seq) => ({ blog: entry.blog, seq, entry }));
  return { entry, event };
}

export async function findEntryRow(db: Db | Tx, slug: string, id: string): Promise<EntryRow> {
  const blog = await blogIdOf(db, slug);
  const row = await db.entry.findFirst({ where: { id, blogId: blog.id, deletedAt: null }, include: entryInclude });
  if (!row) throw notFound(id);
  return row;
}

function canSeeDraft(actor: Actor | null, row: EntryRow): boolean {
  return can(actor, "entry:see-unpublished", { authorId: row.authorId });
}

function notFound(id: string): AppError {
  return new AppError("NOT_FOUND", `no entry with id "${id}" in this blog`);
}

/**
 * The most a body may hold once cleaned, in characters. Cleaning can grow a body: a bare "<" is stored as
 * "&lt;" and "&" as "&amp;", and links gain rel and target, so 100000 characters sent could be 500000
 * stored. Twice the input limit lets any normal entry through and keeps a body from being a weight
 * every reader downloads.
 */
export const MAX_CLEAN_BODY_LENGTH = 200_000;

function cleanBody(html: string, sources: ImageSources): string {
  const clean = sanitizeEntryHtml(html, sources);
  if (isBlankHtml(clean))
    throw new AppError("BAD_REQUEST", "body: nothing is left to show once disallowed HTML is removed");
  if (clean.length > MAX_CLEAN_BODY_LENGTH) {
    throw new AppError(
      "BAD_REQUEST",
      `body: cleaned, it would be ${clean.length} characters, more than the ${MAX_CLEAN_BODY_LENGTH} an entry may store ` +
        "(characters such as < and & are stored escaped, as &lt; and &amp;, and take more room)",
    );
  }
  return clean;
}

/** A time as the newsroom reads it in the audit log: UTC, to the minute. */
function formatTime(at: Date): string {
  return `${at.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}
