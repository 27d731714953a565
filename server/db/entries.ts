// Entries: every use case readers and writers have, with permission checks and the event log inside.
import type { EntryDTO, EntryPage } from "../contracts/dto";
import type { BlogEvent } from "../contracts/events";
import type { CreateEntryInput, EntryListQuery, UpdateEntryInput } from "../contracts/schemas";
import { requirePermission, type Actor } from "../auth/permissions";
import { isBlankHtml, sanitizeEntryHtml } from "../content/sanitize";
import { AppError } from "../errors";
import { decodeEntryCursor, encodeEntryCursor } from "./entry-cursor";
import { appendEvent } from "./events";
import { entryInclude, toEntryDTO, type EntryRow } from "./to-dto";
import type { Db, Tx } from "./types";

/** What a write returns: the entry as it now is, and the event readers get (null when readers see no change). */
export interface EntryChange {
  entry: EntryDTO;
  event: BlogEvent | null;
}

const visibleToReaders = { status: "PUBLISHED", deletedAt: null } as const;

async function blogIdOf(db: Db | Tx, slug: string): Promise<{ id: string; status: "LIVE" | "ENDED" }> {
  const blog = await db.blog.findUnique({ where: { slug }, select: { id: true, status: true } });
  if (!blog) throw new AppError("NOT_FOUND", `no blog with slug "${slug}"`);
  return blog;
}

/** Published entries, newest first, one cursor page at a time. */
export async function listEntries(db: Db, slug: string, query: EntryListQuery): Promise<EntryPage> {
  const blog = await blogIdOf(db, slug);
  const cursor = query.before === undefined ? null : decodeEntryCursor(query.before);
  const rows = await db.entry.findMany({
    where: {
      blogId: blog.id,
      ...visibleToReaders,
      ...(query.pinned === undefined ? {} : { pinned: query.pinned }),
      ...(cursor
        ? { OR: [{ publishedAt: { lt: cursor.publishedAt } }, { publishedAt: cursor.publishedAt, id: { lt: cursor.id } }] }
        : {}),
    },
    orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
    take: query.limit + 1,
    include: entryInclude,
  });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    entries: page.map(toEntryDTO),
    nextCursor: rows.length > query.limit && last?.publishedAt ? encodeEntryCursor(last.publishedAt, last.id) : null,
  };
}

/** The entries pinned to the top of the reader page, newest first. */
export async function listPinnedEntries(db: Db, slug: string): Promise<EntryDTO[]> {
  const blog = await blogIdOf(db, slug);
  const rows = await db.entry.findMany({
    where: { blogId: blog.id, ...visibleToReaders, pinned: true },
    orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
    include: entryInclude,
  });
  return rows.map(toEntryDTO);
}

/** One entry; drafts only for those who may edit them. */
export async function getEntry(db: Db, actor: Actor | null, slug: string, id: string): Promise<EntryDTO> {
  const row = await findEntryRow(db, slug, id);
  if (row.status !== "PUBLISHED" && !canSeeDraft(actor, row)) throw notFound(id);
  return toEntryDTO(row);
}

export async function createEntry(db: Db, actor: Actor | null, slug: string, input: CreateEntryInput): Promise<EntryChange> {
  const writer = requirePermission(actor, "entry:create");
  const authorId = input.authorId ?? writer.id;
  if (authorId !== writer.id) {
    requirePermission(writer, "entry:post-as-other");
    const author = await db.user.findUnique({ where: { id: authorId }, select: { active: true } });
    if (!author?.active) throw new AppError("BAD_REQUEST", "authorId: no active user with this id");
  }
  const body = cleanBody(input.body);
  return db.$transaction(async (tx) => {
    const blog = await blogIdOf(tx, slug);
    if (blog.status === "ENDED") throw new AppError("CONFLICT", "this blog has ended; reopen it to add entries");
    const published = input.status === "PUBLISHED";
    const row = await tx.entry.create({
      data: {
        blogId: blog.id,
        authorId,
        headline: input.headline || null,
        body,
        status: input.status,
        publishedAt: published ? new Date() : null,
        keyEvent: input.keyEvent,
        label: input.label || null,
      },
      include: entryInclude,
    });
    return withEvent(tx, row, published ? "entry:published" : null);
  });
}

export async function updateEntry(
  db: Db,
  actor: Actor | null,
  slug: string,
  id: string,
  input: UpdateEntryInput,
): Promise<EntryChange> {
  if (!actor) requirePermission(actor, "entry:edit");
  const body = input.body === undefined ? undefined : cleanBody(input.body);
  return db.$transaction(async (tx) => {
    const current = await findEntryRow(tx, slug, id);
    if (current.status !== "PUBLISHED" && !canSeeDraft(actor, current)) throw notFound(id);
    requirePermission(actor, "entry:edit", { authorId: current.authorId });
    const publishing = input.status === "PUBLISHED" && current.status === "DRAFT";
    if (publishing && (await blogIdOf(tx, slug)).status === "ENDED") {
      throw new AppError("CONFLICT", "this blog has ended; reopen it to publish entries");
    }
    // The version check and the write are one statement, so two concurrent saves cannot both win.
    const { count } = await tx.entry.updateMany({
      where: { id, version: input.version },
      data: {
        ...(input.headline !== undefined && { headline: input.headline || null }),
        ...(body !== undefined && { body }),
        ...(input.status !== undefined && { status: input.status }),
        ...(input.keyEvent !== undefined && { keyEvent: input.keyEvent }),
        ...(input.label !== undefined && { label: input.label || null }),
        ...(publishing && !current.publishedAt && { publishedAt: new Date() }),
        version: { increment: 1 },
      },
    });
    if (count === 0) {
      throw new AppError("CONFLICT", `entry ${id} was changed by someone else (you edited version ${input.version}, it is now at ${current.version})`, {
        current: toEntryDTO(current),
      });
    }
    const row = await tx.entry.findUniqueOrThrow({ where: { id }, include: entryInclude });
    const wasPublic = current.status === "PUBLISHED";
    const isPublic = row.status === "PUBLISHED";
    const type = isPublic ? (wasPublic ? "entry:updated" : "entry:published") : wasPublic ? "entry:deleted" : null;
    return withEvent(tx, row, type);
  });
}

/** Soft delete: the row stays for the audit trail, readers see it go. */
export async function deleteEntry(db: Db, actor: Actor | null, slug: string, id: string): Promise<{ event: BlogEvent | null }> {
  if (!actor) requirePermission(actor, "entry:delete");
  return db.$transaction(async (tx) => {
    const current = await findEntryRow(tx, slug, id);
    if (current.status !== "PUBLISHED" && !canSeeDraft(actor, current)) throw notFound(id);
    requirePermission(actor, "entry:delete", { authorId: current.authorId });
    const row = await tx.entry.update({ where: { id }, data: { deletedAt: new Date() }, include: entryInclude });
    const { event } = await withEvent(tx, row, current.status === "PUBLISHED" ? "entry:deleted" : null);
    return { event };
  });
}

/** Pin or unpin. Saying the same twice is not an error and records nothing. */
export async function setEntryPinned(
  db: Db,
  actor: Actor | null,
  slug: string,
  id: string,
  pinned: boolean,
): Promise<EntryChange> {
  requirePermission(actor, "entry:pin");
  return db.$transaction(async (tx) => {
    const current = await findEntryRow(tx, slug, id);
    if (current.status !== "PUBLISHED" && !canSeeDraft(actor, current)) throw notFound(id);
    if (current.pinned === pinned) return { entry: toEntryDTO(current), event: null };
    const row = await tx.entry.update({ where: { id }, data: { pinned }, include: entryInclude });
    const type = row.status !== "PUBLISHED" ? null : pinned ? "entry:pinned" : "entry:unpinned";
    return withEvent(tx, row, type);
  });
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

async function findEntryRow(db: Db | Tx, slug: string, id: string): Promise<EntryRow> {
  const blog = await blogIdOf(db, slug);
  const row = await db.entry.findFirst({ where: { id, blogId: blog.id, deletedAt: null }, include: entryInclude });
  if (!row) throw notFound(id);
  return row;
}

function canSeeDraft(actor: Actor | null, row: EntryRow): boolean {
  return !!actor && (actor.role !== "JOURNALIST" || row.authorId === actor.id);
}

function notFound(id: string): AppError {
  return new AppError("NOT_FOUND", `no entry with id "${id}" in this blog`);
}

function cleanBody(html: string): string {
  const clean = sanitizeEntryHtml(html);
  if (isBlankHtml(clean)) throw new AppError("BAD_REQUEST", "body: nothing is left to show once disallowed HTML is removed");
  return clean;
}
