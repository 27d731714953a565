// The workspace's submissions, kept current from the newsroom socket. Pure, so it is unit-tested; an event seen
// twice, or an older copy after a newer one, changes nothing.
//
// "queue" (editors and admins): every entry waiting for review, longest waiting first; an entry leaves it as soon
// as anyone publishes, returns or rejects it. "mine" (a contributor): their own entries that went to review, latest
// step first, each with what became of it.
import type { EntryDTO, ReviewDTO, SubmissionDTO } from "@/common/contracts/dto";

export type SubmissionView = "queue" | "mine";

function isNewerReview(candidate: ReviewDTO, known: ReviewDTO): boolean {
  return candidate.at !== known.at ? candidate.at > known.at : candidate.id > known.id;
}

function order(view: SubmissionView, items: SubmissionDTO[]): SubmissionDTO[] {
  const direction = view === "queue" ? 1 : -1;
  return [...items].sort((a, b) => direction * (a.review.at < b.review.at ? -1 : a.review.at > b.review.at ? 1 : 0));
}

/** A review step with the entry as it now is (admin:entry-reviewed, or the answer to one's own review). */
export function applyReview(view: SubmissionView, items: SubmissionDTO[], next: SubmissionDTO): SubmissionDTO[] {
  const known = items.find((item) => item.entry.id === next.entry.id);
  if (known && !isNewerReview(next.review, known.review)) return items;
  const others = items.filter((item) => item.entry.id !== next.entry.id);
  if (view === "queue" && next.entry.status !== "SUBMITTED") return known ? others : items;
  return order(view, [...others, next]);
}

/** An entry saved (admin:entry-saved): a known submission takes the newer text; the queue lets go of one no longer waiting. */
export function applyEntrySaved(view: SubmissionView, items: SubmissionDTO[], entry: EntryDTO): SubmissionDTO[] {
  const known = items.find((item) => item.entry.id === entry.id);
  if (!known || known.entry.version > entry.version) return items;
  if (view === "queue" && entry.status !== "SUBMITTED") return items.filter((item) => item.entry.id !== entry.id);
  return items.map((item) => (item === known ? { ...item, entry } : item));
}

export function applyEntryRemoved(items: SubmissionDTO[], id: string): SubmissionDTO[] {
  return items.some((item) => item.entry.id === id) ? items.filter((item) => item.entry.id !== id) : items;
}

/** What a contributor reads about one submission. */
export function outcomeOf({ entry, review }: SubmissionDTO): string {
  const by = review.by?.name ?? "an editor";
  if (entry.status === "DRAFT") return "Taken back to your drafts";
  switch (review.action) {
    case "submitted":
      return "Waiting for review";
    case "published":
      return `Published by ${by}`;
    case "returned":
      return `Sent back by ${by}`;
    case "rejected":
      return `Rejected by ${by}`;
  }
}
