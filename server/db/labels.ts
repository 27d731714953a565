// A blog's labels: the list editors keep in the blog's settings, each with a colour, and the check that an
// entry's label is one of them. Entries carry the label's name:
// - a rename rewrites the entries carrying the old name, so they follow it;
// - a removal leaves entries their name (published text is not changed behind readers' backs) without a colour:
//   readers see it in plain grey, and the next edit of such an entry may keep it or pick one from the list.
import type { BlogLabelDTO } from "@/common/contracts/dto";
import type { CreateLabelInput, UpdateLabelInput } from "@/common/contracts/schemas";
import { AppError } from "@/common/app-error";
import { requirePermission, type Actor } from "@/common/permissions";
import { committed, type Committed } from "../effects";
import { recordAudit } from "./audit";
import type { Db, Tx } from "./types";
import { isUniqueViolation } from "./unique-violation";

/** Every new blog's list (and, by the blog_labels migration, every blog's first one). */
export const INITIAL_BLOG_LABELS: readonly { name: string; colour: string }[] = [
  { name: "Breaking", colour: "#b91c1c" },
  { name: "ICYMI", colour: "#1d4ed8" },
  { name: "Analysis", colour: "#6d28d9" },
  { name: "Full report", colour: "#047857" },
];

/** A picker longer than this helps nobody on deadline, and it bounds what a blog's reads carry. */
export const MAX_LABELS_PER_BLOG = 30;

const LABEL_ORDER = [{ position: "asc" }, { createdAt: "asc" }] as const;

/** The rows `createBlog` nests into a new blog. */
export function initialLabelRows(): { name: string; colour: string; position: number }[] {
  return INITIAL_BLOG_LABELS.map((label, position) => ({ ...label, position }));
}

async function blogOf(db: Db | Tx, slug: string): Promise<{ id: string }> {
  const blog = await db.blog.findUnique({ where: { slug }, select: { id: true } });
  if (!blog) throw new AppError("NOT_FOUND", `no blog with slug "${slug}"`);
  return blog;
}

function toLabelDTO(row: { id: string; name: string; colour: string }): BlogLabelDTO {
  return { id: row.id, name: row.name, colour: row.colour };
}

/** The blog's labels in the picker's order. Public: readers see every label's name and colour on entries anyway. */
export async function listBlogLabels(db: Db, slug: string): Promise<BlogLabelDTO[]> {
  const blog = await blogOf(db, slug);
  const rows = await db.blogLabel.findMany({ where: { blogId: blog.id }, orderBy: [...LABEL_ORDER] });
  return rows.map(toLabelDTO);
}

/**
 * Refuses an entry label that is not in the blog's list (400, naming the list). A label the entry already
 * carries may stay (`current`): it may have been removed from the list since, and saving other fields keeps it.
 * Returns the list when it had to read it (for the entry's colour), else an empty one.
 */
export async function checkEntryLabel(
  tx: Tx | Db,
  blogId: string,
  label: string | null | undefined,
  current: string | null = null,
): Promise<{ name: string; colour: string }[]> {
  if (!label || label === current) return [];
  const labels = await tx.blogLabel.findMany({
    where: { blogId },
    orderBy: [...LABEL_ORDER],
    select: { name: true, colour: true },
  });
  if (labels.some((known) => known.name === label)) return labels;
  const names = labels.map((known) => known.name);
  throw new AppError(
    "BAD_REQUEST",
    names.length
      ? `label "${label}" is not one of this blog's labels: ${names.join(", ")} (or null for none)`
      : `label "${label}": this blog has no labels (send null; editors add labels in the blog's settings)`,
  );
}

function sameName(a: string, b: string): boolean {
  return a.toLocaleLowerCase() === b.toLocaleLowerCase();
}

async function refuseTakenName(tx: Tx, blogId: string, name: string, exceptId: string | null): Promise<void> {
  const others = await tx.blogLabel.findMany({ where: { blogId }, select: { id: true, name: true } });
  if (others.some((other) => other.id !== exceptId && sameName(other.name, name))) {
    throw new AppError("CONFLICT", `this blog already has a label named "${name}"`);
  }
}

/** Entries' reads carry their label's colour, so any change to the list drops the blog's cached reads. */
function labelsChanged<T>(result: T, slug: string): Committed<T> {
  return committed(result, [{ type: "drop-blog-cache", blog: slug }]);
}

/** Turns a race past refuseTakenName (two editors adding one name at once) into the same 409. */
async function withNameCheck<T>(name: string | undefined, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (name !== undefined && isUniqueViolation(error))
      throw new AppError("CONFLICT", `this blog already has a label named "${name}"`);
    throw error;
  }
}

export async function createBlogLabel(
  db: Db,
  actor: Actor | null,
  slug: string,
  input: CreateLabelInput,
): Promise<Committed<BlogLabelDTO>> {
  const editor = requirePermission(actor, "blog:edit");
  const label = await withNameCheck(input.name, () =>
    db.$transaction(async (tx) => {
      const blog = await blogOf(tx, slug);
      const count = await tx.blogLabel.count({ where: { blogId: blog.id } });
      if (count >= MAX_LABELS_PER_BLOG)
        throw new AppError("BAD_REQUEST", `a blog may have at most ${MAX_LABELS_PER_BLOG} labels; remove one first`);
      await refuseTakenName(tx, blog.id, input.name, null);
      const last = await tx.blogLabel.findFirst({ where: { blogId: blog.id }, orderBy: { position: "desc" } });
      const row = await tx.blogLabel.create({
        data: { blogId: blog.id, name: input.name, colour: input.colour, position: (last?.position ?? -1) + 1 },
      });
      await recordAudit(tx, {
        blogId: blog.id,
        actorId: editor.id,
        action: "blog.labels-edited",
        summary: `added label ${row.name} (${row.colour})`,
      });
      return toLabelDTO(row);
    }),
  );
  return labelsChanged(label, slug);
}

async function findLabel(tx: Tx, blogId: string, id: string) {
  const row = await tx.blogLabel.findFirst({ where: { id, blogId } });
  if (!row) throw new AppError("NOT_FOUND", `no label with id "${id}" in this blog`);
  return row;
}

/** Renames (the blog's entries carrying the old name take the new one) or recolours a label. */
export async function updateBlogLabel(
  db: Db,
  actor: Actor | null,
  slug: string,
  id: string,
  input: UpdateLabelInput,
): Promise<Committed<BlogLabelDTO>> {
  const editor = requirePermission(actor, "blog:edit");
  const label = await withNameCheck(input.name, () =>
    db.$transaction(async (tx) => {
      const blog = await blogOf(tx, slug);
      const current = await findLabel(tx, blog.id, id);
      const renamed = input.name !== undefined && input.name !== current.name;
      if (renamed) await refuseTakenName(tx, blog.id, input.name!, id);
      const row = await tx.blogLabel.update({ where: { id }, data: input });
      if (renamed) {
        await tx.entry.updateMany({ where: { blogId: blog.id, label: current.name }, data: { label: row.name } });
      }
      const changes = [
        ...(renamed ? [`renamed label ${current.name} to ${row.name}`] : []),
        ...(row.colour !== current.colour ? [`recoloured label ${row.name} to ${row.colour}`] : []),
      ];
      if (changes.length) {
        await recordAudit(tx, {
          blogId: blog.id,
          actorId: editor.id,
          action: "blog.labels-edited",
          summary: changes.join("; "),
        });
      }
      return toLabelDTO(row);
    }),
  );
  return labelsChanged(label, slug);
}

/** Takes a label off the list; entries carrying it keep its name, without a colour (see the top of this file). */
export async function deleteBlogLabel(db: Db, actor: Actor | null, slug: string, id: string): Promise<Committed<void>> {
  const editor = requirePermission(actor, "blog:edit");
  await db.$transaction(async (tx) => {
    const blog = await blogOf(tx, slug);
    const current = await findLabel(tx, blog.id, id);
    await tx.blogLabel.delete({ where: { id } });
    await recordAudit(tx, {
      blogId: blog.id,
      actorId: editor.id,
      action: "blog.labels-edited",
      summary: `removed label ${current.name}`,
    });
  });
  return labelsChanged(undefined, slug);
}
