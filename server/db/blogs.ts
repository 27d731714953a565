// Blogs: listing, reading, creating, editing.
import type { BlogDTO, BlogListItemDTO, BlogSummaryDTO, PictureDTO } from "@/common/contracts/dto";
import { firstPictureOf } from "@/common/entry-text";
import type { CreateBlogInput, UpdateBlogInput } from "@/common/contracts/schemas";
import { requirePermission, type Actor } from "@/common/permissions";
import { AppError } from "@/common/app-error";
import { committed, newsroomListsOf, type Committed } from "../effects";
import { recordAudit, type AuditRecord } from "./audit";
import { recordEvent } from "./events";
import { initialLabelRows } from "./labels";
import { toBlogDTO } from "./to-dto";
import type { Blog, Db } from "./types";
import { isUniqueViolation } from "./unique-violation";

/** Published and not deleted: what readers see. */
const PUBLISHED = { status: "PUBLISHED", deletedAt: null } as const;

/**
 * The readers' list: live blogs first, then ended ones; most recently updated first within each. Each blog
 * with its count of published entries, when it last had news and a picture: four queries whatever the
 * number of blogs (blogs, counts, newest pictured entry per blog, those entries).
 */
export async function listBlogs(db: Db): Promise<BlogListItemDTO[]> {
  const [rows, published, pictured] = await Promise.all([
    db.blog.findMany(),
    db.entry.groupBy({ by: ["blogId"], where: PUBLISHED, _count: { _all: true }, _max: { publishedAt: true } }),
    // Bodies are stored sanitized, with lowercase tags: an entry with a picture contains "<img".
    db.entry.groupBy({
      by: ["blogId"],
      where: { ...PUBLISHED, body: { contains: "<img" } },
      _max: { publishedAt: true },
    }),
  ]);
  const pictures = await newestPictures(db, pictured);
  const counts = new Map(published.map((group) => [group.blogId, group]));
  const items = rows.map((row) => {
    const count = counts.get(row.id);
    return {
      ...toBlogDTO(row),
      entryCount: count?._count._all ?? 0,
      lastUpdatedAt: (count?._max.publishedAt ?? row.updatedAt).toISOString(),
      image: pictures.get(row.id) ?? null,
    };
  });
  return liveFirst(items, (item) => item.lastUpdatedAt);
}

/** The first picture of each blog's newest pictured entry, in one query. */
async function newestPictures(
  db: Db,
  newest: { blogId: string; _max: { publishedAt: Date | null } }[],
): Promise<Map<string, PictureDTO>> {
  const wanted = newest.flatMap(({ blogId, _max }) =>
    _max.publishedAt ? [{ blogId, publishedAt: _max.publishedAt }] : [],
  );
  const pictures = new Map<string, PictureDTO>();
  if (wanted.length === 0) return pictures;
  const entries = await db.entry.findMany({
    where: { ...PUBLISHED, body: { contains: "<img" }, OR: wanted },
    select: { blogId: true, body: true },
    // Two entries published in the same millisecond: the newer id wins, as in the stream.
    orderBy: { id: "desc" },
  });
  for (const entry of entries) {
    const picture = pictures.has(entry.blogId) ? null : firstPictureOf(entry.body);
    if (picture) pictures.set(entry.blogId, picture);
  }
  return pictures;
}

/**
 * Live blogs first, then ended ones, each group newest `updatedAt` first. Sorted here, not ORDER BY status:
 * SQLite sorts enums as text, PostgreSQL in declaration order. ISO times in UTC sort as text.
 */
function liveFirst<T extends { status: string }>(blogs: T[], updatedAt: (blog: T) => string): T[] {
  const byUpdate = (a: T, b: T) => updatedAt(b).localeCompare(updatedAt(a));
  const live = blogs.filter((blog) => blog.status === "LIVE").sort(byUpdate);
  return [...live, ...blogs.filter((blog) => blog.status !== "LIVE").sort(byUpdate)];
}

/** The newsroom dashboard's list, in the same order, with entry counts: two queries whatever the number of blogs. */
export async function listNewsroomBlogs(db: Db, actor: Actor | null): Promise<BlogSummaryDTO[]> {
  requirePermission(actor, "newsroom:read");
  const [blogs, groups] = await Promise.all([
    db.blog.findMany(),
    db.entry.groupBy({
      by: ["blogId", "status"],
      where: { deletedAt: null },
      _count: { _all: true },
      _max: { publishedAt: true },
    }),
  ]);
  const counts = new Map<string, { entryCount: number; pendingCount: number; lastPublishedAt: string | null }>();
  for (const group of groups) {
    const count = counts.get(group.blogId) ?? { entryCount: 0, pendingCount: 0, lastPublishedAt: null };
    if (group.status === "PUBLISHED") {
      count.entryCount += group._count._all;
      count.lastPublishedAt = group._max.publishedAt?.toISOString() ?? null;
    } else if (group.status !== "REJECTED") {
      // Work still to do: drafts, scheduled entries, submissions waiting or sent back (a rejected one is done).
      count.pendingCount += group._count._all;
    }
    counts.set(group.blogId, count);
  }
  const summaries = blogs.map((row) => ({
    ...toBlogDTO(row),
    ...(counts.get(row.id) ?? { entryCount: 0, pendingCount: 0, lastPublishedAt: null }),
  }));
  return liveFirst(summaries, (blog) => blog.lastPublishedAt ?? blog.updatedAt);
}

export async function getBlog(db: Db, slug: string): Promise<BlogDTO> {
  const row = await db.blog.findUnique({ where: { slug } });
  if (!row) throw new AppError("NOT_FOUND", `no blog with slug "${slug}"`);
  return toBlogDTO(row);
}

export async function findBlog(db: Db, slug: string): Promise<BlogDTO | null> {
  const row = await db.blog.findUnique({ where: { slug } });
  return row ? toBlogDTO(row) : null;
}

/** A new blog has no readers and no event yet, but the blog list changed. */
export async function createBlog(db: Db, actor: Actor | null, input: CreateBlogInput): Promise<Committed<BlogDTO>> {
  const editor = requirePermission(actor, "blog:create");
  try {
    const blog = await db.$transaction(async (tx) => {
      const row = await tx.blog.create({ data: { ...input, labels: { create: initialLabelRows() } } });
      await recordAudit(tx, { blogId: row.id, actorId: editor.id, action: "blog.created", summary: row.title });
      return toBlogDTO(row);
    });
    return committed(blog, [{ type: "drop-blog-cache", blog: blog.slug }, ...newsroomListsOf(blog.slug)]);
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", `a blog with slug "${input.slug}" already exists`);
    throw error;
  }
}

export async function updateBlog(
  db: Db,
  actor: Actor | null,
  slug: string,
  input: UpdateBlogInput,
): Promise<Committed<BlogDTO>> {
  const editor = requirePermission(actor, "blog:edit");
  const { blog, event } = await db.$transaction(async (tx) => {
    const current = await tx.blog.findUnique({ where: { slug } });
    if (!current) throw new AppError("NOT_FOUND", `no blog with slug "${slug}"`);
    const endedAt =
      input.status === "ENDED" ? (current.endedAt ?? new Date()) : input.status === "LIVE" ? null : current.endedAt;
    // The change and the seq in one statement, so the event carries the row exactly as stored.
    const updated = await tx.blog.update({
      where: { id: current.id },
      data: { ...input, endedAt, seq: { increment: 1 } },
    });
    const blog = toBlogDTO(updated);
    await recordAudit(tx, auditOfBlogUpdate(editor.id, current, updated));
    const event = await recordEvent(tx, updated.id, {
      type: "blog:updated",
      payload: { blog: slug, seq: updated.seq, details: blog },
    });
    return { blog, event };
  });
  return committed(blog, [{ type: "broadcast", event }, ...newsroomListsOf(slug)]);
}

function auditOfBlogUpdate(actorId: string, before: Blog, after: Blog): AuditRecord[] {
  const base = { blogId: after.id, actorId, summary: after.title };
  const records: AuditRecord[] = [];
  const edited = (["title", "summary", "defaultSort"] as const).filter((field) => before[field] !== after[field]);
  if (edited.length > 0)
    records.push({ ...base, action: "blog.edited", summary: `${edited.join(", ")}: ${after.title}` });
  if (before.status === "LIVE" && after.status === "ENDED") records.push({ ...base, action: "blog.ended" });
  if (before.status === "ENDED" && after.status === "LIVE") records.push({ ...base, action: "blog.reopened" });
  return records;
}
