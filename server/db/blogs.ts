// Blogs: listing, reading, creating, editing.
import type { BlogDTO } from "../contracts/dto";
import type { CreateBlogInput, UpdateBlogInput } from "../contracts/schemas";
import type { BlogEvent } from "../contracts/events";
import { requirePermission, type Actor } from "../auth/permissions";
import { AppError } from "../errors";
import { recordEvent } from "./events";
import { toBlogDTO } from "./to-dto";
import type { Db } from "./types";
import { isUniqueViolation } from "./unique-violation";

/** Live blogs first, then ended ones; most recently updated first within each. */
export async function listBlogs(db: Db): Promise<BlogDTO[]> {
  const rows = await db.blog.findMany({ orderBy: { updatedAt: "desc" } });
  // Not ORDER BY status: SQLite sorts enums as text, PostgreSQL in declaration order.
  const live = rows.filter((row) => row.status === "LIVE");
  return [...live, ...rows.filter((row) => row.status !== "LIVE")].map(toBlogDTO);
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

export async function createBlog(db: Db, actor: Actor | null, input: CreateBlogInput): Promise<BlogDTO> {
  requirePermission(actor, "blog:create");
  try {
    return toBlogDTO(await db.blog.create({ data: input }));
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
): Promise<{ blog: BlogDTO; event: BlogEvent }> {
  requirePermission(actor, "blog:edit");
  return db.$transaction(async (tx) => {
    const current = await tx.blog.findUnique({ where: { slug } });
    if (!current) throw new AppError("NOT_FOUND", `no blog with slug "${slug}"`);
    const endedAt =
      input.status === "ENDED" ? (current.endedAt ?? new Date()) : input.status === "LIVE" ? null : current.endedAt;
    // The change and the seq in one statement, so the event carries the row exactly as stored.
    const updated = await tx.blog.update({ where: { id: current.id }, data: { ...input, endedAt, seq: { increment: 1 } } });
    const blog = toBlogDTO(updated);
    const event = await recordEvent(tx, updated.id, { type: "blog:updated", payload: { blog: slug, seq: updated.seq, details: blog } });
    return { blog, event };
  });
}
