// Blogs: listing, reading, creating, editing.
import type { BlogDTO, BlogSummaryDTO } from "@/common/contracts/dto";
import type { CreateBlogInput, UpdateBlogInput } from "@/common/contracts/schemas";
import { requirePermission, type Actor } from "@/common/permissions";
import { AppError } from "@/common/app-error";
import { committed, type Committed } from "../effects";
import { recordAudit, type AuditRecord } from "./audit";
import { recordEvent } from "./events";
import { toBlogDTO } from "./to-dto";
import type { Blog, Db } from "./types";
import { isUniqueViolation } from "./unique-violation";

/** Live blogs first, then ended ones; most recently updated first within each. */
export async function listBlogs(db: Db): Promise<BlogDTO[]> {
  return (await listBlogRows(db)).map(toBlogDTO);
}

async function listBlogRows(db: Db): Promise<Blog[]> {
  const rows = await db.blog.findMany({ orderBy: { updatedAt: "desc" } });
  // Not ORDER BY status: SQLite sorts enums as text, PostgreSQL in declaration order.
  const live = rows.filter((row) => row.status === "LIVE");
  return [...live, ...rows.filter((row) => row.status !== "LIVE")];
}

/** The newsroom dashboard's list, in the same order, with entry counts: two queries whatever the number of blogs. */
export async function listNewsroomBlogs(db: Db, actor: Actor | null): Promise<BlogSummaryDTO[]> {
  requirePermission(actor, "newsroom:read");
  const [blogs, groups] = await Promise.all([
    listBlogRows(db),
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
    } else {
      count.pendingCount += group._count._all;
    }
    counts.set(group.blogId, count);
  }
  return blogs.map((row) => ({
    ...toBlogDTO(row),
    ...(counts.get(row.id) ?? { entryCount: 0, pendingCount: 0, lastPublishedAt: null }),
  }));
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
      const row = await tx.blog.create({ data: input });
      await recordAudit(tx, { blogId: row.id, actorId: editor.id, action: "blog.created", summary: row.title });
      return toBlogDTO(row);
    });
    return committed(blog, [{ type: "drop-blog-cache", blog: blog.slug }]);
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
  return committed(blog, [{ type: "broadcast", event }]);
}

function auditOfBlogUpdate(actorId: string, before: Blog, after: Blog): AuditRecord[] {
  const base = { blogId: after.id, actorId, summary: after.title };
  const records: AuditRecord[] = [];
  const edited = (["title", "summary"] as const).filter((field) => before[field] !== after[field]);
  if (edited.length > 0)
    records.push({ ...base, action: "blog.edited", summary: `${edited.join(", ")}: ${after.title}` });
  if (before.status === "LIVE" && after.status === "ENDED") records.push({ ...base, action: "blog.ended" });
  if (before.status === "ENDED" && after.status === "LIVE") records.push({ ...base, action: "blog.reopened" });
  return records;
}
