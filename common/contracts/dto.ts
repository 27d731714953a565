// The shapes the API answers and socket events carry: each one defined once, as a zod schema, with its
// TypeScript type inferred from it. Isomorphic: no Node or Prisma here.
//
// The schemas parse what was stored to be read back later (idempotency answers, see stored-payload.ts):
// a field added to a shape after such payloads were written needs a `.default()` here, so they still parse.
import { z } from "@/common/zod";

/** Each enum once; server/db/enums.test.ts checks they match the Prisma enums of both providers. */
/** CONTRIBUTOR: writes entries that an editor publishes, sends back or rejects (docs/api.md, "Contributors"). */
export const ROLES = ["ADMIN", "EDITOR", "JOURNALIST", "CONTRIBUTOR"] as const;
export const BLOG_STATUSES = ["LIVE", "ENDED"] as const;
/**
 * SCHEDULED entries publish themselves at `scheduledAt`. SUBMITTED: a contributor's entry waiting for an editor;
 * RETURNED: sent back to its contributor with a note; REJECTED: refused, final. Only PUBLISHED is ever public.
 */
export const ENTRY_STATUSES = ["DRAFT", "SCHEDULED", "PUBLISHED", "SUBMITTED", "RETURNED", "REJECTED"] as const;
/** One step of a contributor's entry through review: they submit it, an editor publishes, returns or rejects it. */
export const REVIEW_ACTIONS = ["submitted", "published", "returned", "rejected"] as const;
/** The order a reader page shows its stream in: newest or oldest entry first. */
export const FEED_ORDERS = ["NEWEST", "OLDEST"] as const;
export const AUDIT_ACTIONS = [
  "blog.created",
  "blog.edited",
  "blog.ended",
  "blog.reopened",
  "entry.drafted",
  "entry.scheduled",
  "entry.published",
  "entry.edited",
  "entry.unpublished",
  "entry.deleted",
  "entry.pinned",
  "entry.unpinned",
  "blog.pins-reordered",
  "entry.key-event-set",
  "entry.key-event-cleared",
  "entry.submitted",
  "entry.returned",
  "entry.rejected",
  "entry.restored",
  "entry.corrected",
  "blog.labels-edited",
] as const;

export const roleSchema = z.enum(ROLES);
export const blogStatusSchema = z.enum(BLOG_STATUSES);
export const entryStatusSchema = z.enum(ENTRY_STATUSES);
export const auditActionSchema = z.enum(AUDIT_ACTIONS);
export const feedOrderSchema = z.enum(FEED_ORDERS);
export const reviewActionSchema = z.enum(REVIEW_ACTIONS);

/** The label the composer's one-click Breaking toggle gives, when the blog's list has it. */
export const BREAKING_LABEL = "Breaking";

export type Role = z.infer<typeof roleSchema>;
export type BlogStatus = z.infer<typeof blogStatusSchema>;
export type EntryStatus = z.infer<typeof entryStatusSchema>;
export type AuditAction = z.infer<typeof auditActionSchema>;
export type FeedOrder = z.infer<typeof feedOrderSchema>;
export type ReviewAction = z.infer<typeof reviewActionSchema>;

/** A time as the API sends it: `Date.toISOString()`. */
const time = z.iso.datetime();

export const authorSchema = z.object({
  id: z.string(),
  name: z.string(),
});
export type AuthorDTO = z.infer<typeof authorSchema>;

/** A public correction note on a published entry: plain text, shown with the entry to readers, feeds and JSON-LD. */
export const correctionSchema = z.object({
  id: z.string(),
  text: z.string(),
  createdAt: time,
});
export type CorrectionDTO = z.infer<typeof correctionSchema>;

export const entrySchema = z.object({
  id: z.string(),
  blog: z.string(),
  headline: z.string().nullable(),
  /** Sanitized HTML. */
  body: z.string(),
  author: authorSchema,
  status: entryStatusSchema,
  publishedAt: time.nullable(),
  /** When a SCHEDULED entry will publish. */
  scheduledAt: time.nullable().default(null),
  /** Last change to the headline, body or label after publishing; readers see "Updated HH:MM". */
  editedAt: time.nullable().default(null),
  pinned: z.boolean().default(false),
  /** Where a pinned entry sits among the pinned ones (lowest first, as editors ordered them); null when not pinned. */
  pinOrder: z.number().int().nullable().default(null),
  keyEvent: z.boolean().default(false),
  /**
   * The name of one of the blog's labels when it was given; the label may since have been removed from the
   * list (or come from before there was one), so readers take it as plain text.
   */
  label: z.string().nullable().default(null),
  /** The label's colour (#rrggbb, white text on it) while the label is in the blog's list; null otherwise. */
  labelColour: z.string().nullable().default(null),
  version: z.number().int().positive(),
  createdAt: time,
  updatedAt: time,
  /** Public correction notes, oldest first. */
  corrections: z.array(correctionSchema).default([]),
});
export type EntryDTO = z.infer<typeof entrySchema>;

/** One step of the review workflow: newsroom only, never in a public answer. */
export const reviewSchema = z.object({
  id: z.string(),
  entryId: z.string(),
  action: reviewActionSchema,
  /** The editor's note to the contributor (always there on "returned"), or the contributor's to the editor. */
  note: z.string().nullable(),
  /** Null once that user is gone. */
  by: authorSchema.nullable(),
  at: time,
});
export type ReviewDTO = z.infer<typeof reviewSchema>;

/** An entry that went through review, with its latest step (the queue's and the contributor's list). */
export const submissionSchema = z.object({ entry: entrySchema, review: reviewSchema });
export type SubmissionDTO = z.infer<typeof submissionSchema>;

export const blogSchema = z.object({
  slug: z.string(),
  title: z.string(),
  summary: z.string(),
  status: blogStatusSchema,
  seq: z.number().int(),
  createdAt: time,
  updatedAt: time,
  endedAt: time.nullable(),
  /** The stream's order for a reader who has not chosen one. */
  defaultSort: feedOrderSchema.default("NEWEST"),
});
export type BlogDTO = z.infer<typeof blogSchema>;

export const userSchema = z.object({
  id: z.string(),
  email: z.string(),
  displayName: z.string(),
  role: roleSchema,
  active: z.boolean(),
});
export type UserDTO = z.infer<typeof userSchema>;

export const entryPageSchema = z.object({
  entries: z.array(entrySchema),
  /** Pass as `before` to get the next (older) page; null when there is none. */
  nextCursor: z.string().nullable(),
  /**
   * Readers' list: the blog's seq read before these entries. The page is at least this current, so a client
   * that replays the events after it is up to date (replaying one it already shows changes nothing).
   */
  seq: z.number().int().optional(),
});
export type EntryPage = z.infer<typeof entryPageSchema>;

/** A picture taken from an entry's stored body: a src that is ours or http(s), and its alt text ("" when none). */
export const pictureSchema = z.object({ src: z.string(), alt: z.string() });
export type PictureDTO = z.infer<typeof pictureSchema>;

/** A blog as readers' list shows it (`/`, `GET /api/blogs`). */
export const blogListItemSchema = blogSchema.extend({
  /** Published entries, not deleted. */
  entryCount: z.number().int(),
  /** The newest published entry's publishedAt; the blog's updatedAt while it has none. */
  lastUpdatedAt: time,
  /** The first picture of the newest published entry that has one. */
  image: pictureSchema.nullable(),
});
export type BlogListItemDTO = z.infer<typeof blogListItemSchema>;

/** A blog as the newsroom dashboard lists it. */
export const blogSummarySchema = blogSchema.extend({
  /** Published entries, not deleted. */
  entryCount: z.number().int(),
  /** Drafts, scheduled entries and submissions waiting or sent back, not deleted. */
  pendingCount: z.number().int(),
  lastPublishedAt: time.nullable(),
});
export type BlogSummaryDTO = z.infer<typeof blogSummarySchema>;

/** One of a blog's labels, as editors keep them in its settings. */
export const blogLabelSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** #rrggbb, at least 4.5:1 against the white text on it. */
  colour: z.string(),
});
export type BlogLabelDTO = z.infer<typeof blogLabelSchema>;

/** Someone who may be named as an entry's author. */
export const contributorSchema = z.object({
  id: z.string(),
  name: z.string(),
  role: roleSchema,
});
export type ContributorDTO = z.infer<typeof contributorSchema>;

export const auditEventSchema = z.object({
  id: z.string(),
  blog: z.string(),
  action: auditActionSchema,
  /** Null when the system did it (the scheduler publishing on time). */
  actor: authorSchema.nullable(),
  entryId: z.string().nullable(),
  /** One human line, e.g. the entry's headline or the fields that changed. */
  summary: z.string(),
  createdAt: time,
});
export type AuditEventDTO = z.infer<typeof auditEventSchema>;

export const uploadSchema = z.object({
  /** Path to use in an <img src>, e.g. /uploads/2f1c….webp */
  url: z.string(),
  contentType: z.string(),
  bytes: z.number().int(),
});
export type UploadDTO = z.infer<typeof uploadSchema>;

/** What a reader's page is rendered from; the browser keeps it live from there. */
export const initialFeedSchema = z.object({
  blog: blogSchema,
  /** Pinned entries, shown on top, in the editors' order. */
  pinned: z.array(entrySchema),
  /** The stream loaded so far, pinned entries in their place too, in `order`. */
  entries: z.array(entrySchema),
  /** The stream's order: newest first (without it) or oldest first. */
  order: feedOrderSchema.optional(),
  /** Cursor for the next page in `order` ("Load older", or "Load newer" oldest first); null when everything is loaded. */
  nextCursor: z.string().nullable(),
  /** The last event sequence number applied. */
  seq: z.number().int(),
  /** Key events loaded apart from the stream (without them, the loaded ones are used). */
  keyEvents: z.array(entrySchema).optional(),
});
export type InitialFeed = z.infer<typeof initialFeedSchema>;

/**
 * The publisher's brand, as every page shows it: the settings an admin saved, or the environment's defaults.
 * `timeZone` and `locale` are what reader times are formatted with before the browser's own are known.
 */
export const publisherSchema = z.object({
  name: z.string(),
  /** An https URL or a path under /uploads/ (make it absolute with `absoluteUrl` for other sites). */
  logoUrl: z.string().nullable(),
  /** #rrggbb, readable on white (at least 4.5:1). */
  accentColor: z.string(),
  /** IANA time zone, e.g. "Europe/London". */
  timeZone: z.string(),
  /** BCP 47 locale, e.g. "en-GB". */
  locale: z.string(),
  /** When an admin last saved it; null while the environment's defaults apply. */
  updatedAt: time.nullable(),
});
export type PublisherDTO = z.infer<typeof publisherSchema>;

/**
 * One saved version of an entry, for the newsroom's History (never answered to readers). Consecutive saves of a
 * draft by one person within a few minutes are folded into one revision: `version` is the newest it holds.
 */
export const revisionSchema = z.object({
  id: z.string(),
  entryId: z.string(),
  version: z.number().int().positive(),
  /** Null when the system saved it (the scheduler publishing on time) or the user is gone. */
  savedBy: authorSchema.nullable(),
  headline: z.string().nullable(),
  body: z.string(),
  label: z.string().nullable(),
  keyEvent: z.boolean(),
  status: entryStatusSchema,
  /** This save restored that earlier revision. */
  restoredFromId: z.string().nullable(),
  /** The first save this revision holds, and the last one folded into it. */
  createdAt: time,
  savedAt: time,
});
export type RevisionDTO = z.infer<typeof revisionSchema>;

/**
 * The body of a 409 to a PATCH based on an old version: the entry as it now is, who saved that version and
 * when, so a client can merge (the newsroom's composer does) instead of overwriting.
 */
export const entryConflictSchema = z.object({
  error: z.string(),
  code: z.literal("CONFLICT"),
  current: entrySchema,
  /** Null when the system made the change (the scheduler) or it was made before revisions were kept. */
  changedBy: authorSchema.nullable(),
  changedAt: time,
});
export type EntryConflictDTO = z.infer<typeof entryConflictSchema>;
