// The approval workflow: contributors' entries wait as SUBMITTED until an editor publishes them, sends them back
// with a note (RETURNED, for the contributor to edit and submit again) or rejects them (REJECTED, final).
// Submitting is an entry write (createEntry / updateEntry with status SUBMITTED); the review is here.
import type { EntryDTO, ReviewAction, ReviewDTO, SubmissionDTO } from "@/common/contracts/dto";
import type { ReviewEntryInput } from "@/common/contracts/schemas";
import { can, requirePermission, type Actor } from "@/common/permissions";
import { AppError } from "@/common/app-error";
import { committed, type Committed } from "../effects";
import { describeEntry, recordAudit } from "./audit";
import { effectsOf, findEntryRow, type EntryChange } from "./entries";
import { recordEvent, takeNextSeq } from "./events";
import { latestReviewsOf, recordReview } from "./review-log";
import { entryInclude, toEntryDTO } from "./to-dto";
import type { Db, Tx } from "./types";

const OUTCOMES = {
  publish: { status: "PUBLISHED", review: "published", audit: "entry.published" },
  return: { status: "RETURNED", review: "returned", audit: "entry.returned" },
  reject: { status: "REJECTED", review: "rejected", audit: "entry.rejected" },
} as const;

/** The most a queue or a contributor's list answers at once. */
const SUBMISSIONS_LIMIT = 200;

/**
 * An editor settles a submitted entry. The claim is one conditional statement (still SUBMITTED, and at the version
 * the editor read when they sent one), taken first in the transaction: of two editors acting at once exactly one
 * wins and the other gets a 409 naming what happened; a contributor's edit that lands first makes a review of the
 * older text a 409 too. Publishing takes the blog's next seq and logs `entry:published` like any publish.
 */
export async function reviewEntry(
  db: Db,
  actor: Actor | null,
  slug: string,
  id: string,
  input: ReviewEntryInput,
): Promise<Committed<SubmissionDTO>> {
  const reviewer = requirePermission(actor, "entry:review");
  const outcome = OUTCOMES[input.action];
  const note = input.note || null;
  const change = await db.$transaction(async (tx): Promise<EntryChange & { review: ReviewDTO }> => {
    const now = new Date();
    const { count } = await tx.entry.updateMany({
      where: {
        id,
        blog: { slug },
        deletedAt: null,
        status: "SUBMITTED",
        ...(input.version === undefined ? {} : { version: input.version }),
      },
      data: {
        status: outcome.status,
        version: { increment: 1 },
        ...(outcome.status === "PUBLISHED" && { publishedAt: now }),
      },
    });
    if (count === 0) throw await reviewConflict(tx, slug, id, input.version);
    const numbered = outcome.status === "PUBLISHED" ? await takeNextSeq(tx, slug) : null;
    // Throwing rolls the claim back: the entry stays in the queue for when the blog is reopened.
    if (outcome.status === "PUBLISHED" && !numbered)
      throw new AppError("CONFLICT", "this blog has ended; reopen it to publish entries");
    const row = await tx.entry.findUniqueOrThrow({ where: { id }, include: entryInclude });
    const review = await recordReview(tx, reviewer, id, outcome.review, note);
    const whose = `${row.author.displayName}'s submission`;
    await recordAudit(tx, {
      blogId: row.blogId,
      actorId: reviewer.id,
      action: outcome.audit,
      entryId: id,
      summary: `${whose}: ${describeEntry(row)}${note ? ` (note: ${oneLine(note)})` : ""}`,
    });
    const entry = toEntryDTO(row);
    const event = numbered
      ? await recordEvent(tx, row.blogId, {
          type: "entry:published",
          payload: { blog: slug, seq: numbered.seq, entry },
        })
      : null;
    return { entry, event, review };
  });
  return committed({ entry: change.entry, review: change.review }, effectsOf(change, reviewer));
}

/** Why a review found nothing to claim: gone, someone was first, or the contributor changed it since. */
async function reviewConflict(tx: Tx, slug: string, id: string, version: number | undefined): Promise<AppError> {
  const current = await findEntryRow(tx, slug, id); // 404 when it is gone
  const review = (await latestReviewsOf(tx, [id])).get(id) ?? null;
  const details = { current: toEntryDTO(current), review };
  if (current.status === "SUBMITTED") {
    return new AppError(
      "CONFLICT",
      `the contributor changed this submission since you read it (version ${version}, now ${current.version}); read it again`,
      details,
    );
  }
  if (review && review.action !== "submitted") {
    const who = review.by?.name ?? "someone";
    return new AppError("CONFLICT", `${who} already ${PAST[review.action]} this submission`, details);
  }
  return new AppError(
    "CONFLICT",
    `this entry is not waiting for review (it is ${current.status.toLowerCase()})`,
    details,
  );
}

const PAST: Record<ReviewAction, string> = {
  submitted: "submitted",
  published: "published",
  returned: "sent back",
  rejected: "rejected",
};

/**
 * Editors and admins: the blog's queue, every entry waiting for review, longest waiting first. Contributors: their
 * own entries that went to review, latest step first, so they see each outcome (published, sent back with the
 * note, rejected). Anyone else may not see either.
 */
export async function listSubmissions(db: Db, actor: Actor | null, slug: string): Promise<SubmissionDTO[]> {
  const reader = requirePermission(actor, "newsroom:read");
  const reviewing = can(reader, "entry:review");
  if (!reviewing && !can(reader, "entry:submit"))
    throw new AppError("FORBIDDEN", "only editors and admins see the submissions, and contributors their own");
  const blog = await db.blog.findUnique({ where: { slug }, select: { id: true } });
  if (!blog) throw new AppError("NOT_FOUND", `no blog with slug "${slug}"`);
  const rows = await db.entry.findMany({
    where: reviewing
      ? { blogId: blog.id, deletedAt: null, status: "SUBMITTED" }
      : { blogId: blog.id, deletedAt: null, authorId: reader.id, reviews: { some: {} } },
    orderBy: [{ updatedAt: reviewing ? "asc" : "desc" }, { id: "asc" }],
    take: SUBMISSIONS_LIMIT,
    include: entryInclude,
  });
  const reviews = await latestReviewsOf(
    db,
    rows.map((row) => row.id),
  );
  const submissions = rows.flatMap((row) => {
    const review = reviews.get(row.id);
    return review ? [{ entry: toEntryDTO(row), review }] : [];
  });
  return reviewing ? submissions.sort(byReviewTime(1)) : submissions.sort(byReviewTime(-1));
}

function byReviewTime(direction: 1 | -1) {
  return (a: { review: ReviewDTO; entry: EntryDTO }, b: { review: ReviewDTO; entry: EntryDTO }) =>
    direction * (a.review.at < b.review.at ? -1 : a.review.at > b.review.at ? 1 : 0);
}

function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length <= 120 ? flat : `${flat.slice(0, 119)}…`;
}
