import { describe, expect, it } from "vitest";
import type { ReviewDTO, SubmissionDTO } from "@/common/contracts/dto";
import { entryDTO } from "@/common/contracts/test-factories";
import { applyEntryRemoved, applyEntrySaved, applyReview, outcomeOf } from "./submission-list";

function submission(id: string, at: string, status: SubmissionDTO["entry"]["status"], action: ReviewDTO["action"]) {
  return {
    entry: entryDTO({ id, status, version: 2 }),
    review: { id: `r-${id}-${at}`, entryId: id, action, note: null, by: { id: "e", name: "Eve" }, at },
  } satisfies SubmissionDTO;
}

describe("the editors' queue", () => {
  const first = submission("a", "2026-12-07T10:00:00.000Z", "SUBMITTED", "submitted");
  const second = submission("b", "2026-12-07T10:05:00.000Z", "SUBMITTED", "submitted");

  it("adds submissions longest waiting first, once however often it hears of them", () => {
    const queue = applyReview("queue", applyReview("queue", [], second), first);
    expect(queue.map((item) => item.entry.id)).toEqual(["a", "b"]);
    expect(applyReview("queue", queue, first)).toBe(queue);
  });

  it("lets go of a submission once anyone publishes, returns or rejects it, and ignores an older step after", () => {
    const queue = [first, second];
    const published = submission("a", "2026-12-07T10:06:00.000Z", "PUBLISHED", "published");
    const after = applyReview("queue", queue, published);
    expect(after.map((item) => item.entry.id)).toEqual(["b"]);
    expect(applyReview("queue", after, published)).toBe(after);
    // A review of something not in the queue does not add it.
    expect(applyReview("queue", after, submission("c", "2026-12-07T10:07:00.000Z", "REJECTED", "rejected"))).toBe(
      after,
    );
  });

  it("takes a contributor's newer text, and drops an entry taken back to drafts or deleted", () => {
    const queue = [first, second];
    const edited = applyEntrySaved("queue", queue, { ...first.entry, version: 3, headline: "Fixed" });
    expect(edited[0]?.entry.headline).toBe("Fixed");
    expect(applyEntrySaved("queue", edited, { ...first.entry, version: 2, headline: "Old" })).toBe(edited);
    expect(
      applyEntrySaved("queue", edited, { ...first.entry, version: 4, status: "DRAFT" }).map((i) => i.entry.id),
    ).toEqual(["b"]);
    expect(applyEntryRemoved(queue, "b").map((item) => item.entry.id)).toEqual(["a"]);
  });
});

describe("a contributor's submissions", () => {
  it("keep every outcome, latest step first, and say what became of each", () => {
    const waiting = submission("a", "2026-12-07T10:00:00.000Z", "SUBMITTED", "submitted");
    const other = submission("b", "2026-12-07T10:01:00.000Z", "SUBMITTED", "submitted");
    const returned = {
      ...submission("a", "2026-12-07T10:02:00.000Z", "RETURNED", "returned"),
      review: { ...submission("a", "2026-12-07T10:02:00.000Z", "RETURNED", "returned").review, note: "Source?" },
    };
    const mine = applyReview("mine", [other, waiting], returned);
    expect(mine.map((item) => [item.entry.id, item.entry.status])).toEqual([
      ["a", "RETURNED"],
      ["b", "SUBMITTED"],
    ]);
    expect(mine.map(outcomeOf)).toEqual(["Sent back by Eve", "Waiting for review"]);
    expect(outcomeOf(submission("c", "x", "PUBLISHED", "published"))).toBe("Published by Eve");
    expect(outcomeOf(submission("c", "x", "REJECTED", "rejected"))).toBe("Rejected by Eve");
    expect(outcomeOf(submission("c", "x", "DRAFT", "submitted"))).toBe("Taken back to your drafts");
  });
});
