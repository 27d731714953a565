// Input validation shared by forms, route handlers and socket handlers.
import { z } from "@/common/zod";
import { blogStatusSchema, feedOrderSchema, roleSchema, type EntryStatus } from "./dto";
import { PRESENCE_MAX_EDITING } from "./events";
import { MAX_STREAM_SEARCH_LENGTH, STREAM_FILTERS } from "../newsroom-stream";
import {
  canonicalLocale,
  contrastOnWhite,
  HEX_COLOR,
  isLogoLocation,
  isTimeZone,
  MIN_ACCENT_CONTRAST,
} from "../publisher-brand";

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const slugSchema = z
  .string()
  .min(2, "slug must be at least 2 characters")
  .max(80, "slug must be at most 80 characters")
  .regex(SLUG_PATTERN, "slug may hold only lowercase letters, digits and single hyphens");

export const loginSchema = z.strictObject({
  email: z.string().trim().toLowerCase().email("email must be a valid address"),
  password: z.string().min(1, "password is required").max(200),
});

export const createBlogSchema = z.strictObject({
  slug: slugSchema,
  title: z.string().trim().min(1, "title is required").max(200),
  summary: z.string().trim().max(2000).default(""),
});

export const updateBlogSchema = z
  .strictObject({
    title: z.string().trim().min(1, "title is required").max(200),
    summary: z.string().trim().max(2000),
    status: blogStatusSchema,
    /** The stream's order for readers who have not chosen one. */
    defaultSort: feedOrderSchema,
  })
  .partial()
  .refine((value) => Object.keys(value).length > 0, "give at least one of title, summary, status, defaultSort");

/** The blog's pinned entries in their new order, first on top: every pinned entry's id, once. */
export const pinOrderSchema = z.strictObject({
  order: z
    .array(z.string().min(1).max(64), { error: "order must be a list of entry ids" })
    .max(100, "order: at most 100 pinned entries"),
});

/** A #rrggbb colour that white text (or a white page) must stay readable against: at least 4.5:1 (WCAG AA). */
function colourReadableWithWhite(field: string, use: string) {
  return z
    .string()
    .trim()
    .regex(HEX_COLOR, `${field} must be a colour as #rrggbb`)
    .transform((hex) => hex.toLowerCase())
    .refine((hex) => contrastOnWhite(hex) >= MIN_ACCENT_CONTRAST, {
      error: ({ input }) =>
        `${field} must contrast at least ${MIN_ACCENT_CONTRAST}:1 with white (${use}); ${String(input)} has ${contrastOnWhite(String(input)).toFixed(1)}:1`,
    });
}

/** The publisher's brand fields, each checked alone; the environment's defaults (server/config.ts) pass them too. */
export const publisherFields = {
  name: z.string().trim().min(1, "name is required").max(80, "name must be at most 80 characters"),
  logoUrl: z
    .string()
    .trim()
    .refine(isLogoLocation, "logoUrl must be an https URL or a path under /uploads/")
    .nullable(),
  accentColor: colourReadableWithWhite("accentColor", "links and buttons use it"),
  timeZone: z
    .string()
    .trim()
    .refine(isTimeZone, {
      error: ({ input }) => `timeZone "${String(input)}" is not an IANA time zone such as Europe/London`,
    }),
  locale: z
    .string()
    .trim()
    .transform((tag, context) => {
      const locale = canonicalLocale(tag);
      if (locale) return locale;
      context.addIssue({ code: "custom", message: `locale "${tag}" is not a BCP 47 locale such as en-GB` });
      return z.NEVER;
    }),
};

/** PUT /api/settings/publisher: the whole brand; a null logoUrl shows the name alone. */
export const publisherSettingsSchema = z.strictObject(publisherFields);

const headline = z.string().trim().max(300).nullable();
/** The most characters a label's name may hold. */
export const MAX_LABEL_NAME_LENGTH = 40;
/** The name of one of the blog's labels (the data layer checks it is in the list); `""` or null means none. */
const label = z
  .string()
  .trim()
  .max(MAX_LABEL_NAME_LENGTH, `label must be at most ${MAX_LABEL_NAME_LENGTH} characters`)
  .nullable();
// Raw HTML from the client; the server sanitizes it before it is stored.
const body = z.string().min(1, "body is required").max(100_000, "body must be at most 100000 characters");

/** When a SCHEDULED entry publishes: an ISO 8601 time with an offset. */
const scheduledAt = z.iso.datetime({ offset: true, error: "scheduledAt must be an ISO 8601 date-time" }).nullable();

/** What a create or an edit may ask for: RETURNED and REJECTED come only from an editor's review. */
const writableStatus = z.enum(["DRAFT", "SCHEDULED", "PUBLISHED", "SUBMITTED"] satisfies EntryStatus[], {
  error: "status must be DRAFT, SCHEDULED, PUBLISHED or SUBMITTED (entries are returned or rejected through review)",
});

export const createEntrySchema = z.strictObject({
  headline: headline.optional(),
  body,
  /** A contributor's PUBLISHED becomes SUBMITTED: an editor publishes it. */
  status: writableStatus.default("PUBLISHED"),
  scheduledAt: scheduledAt.optional(),
  keyEvent: z.boolean().default(false),
  label: label.optional(),
  /** Editors may post as another contributor. */
  authorId: z.string().min(1).max(64).optional(),
});

export const updateEntrySchema = z.strictObject({
  version: z.number({ error: "version is required (the version you edited)" }).int().positive(),
  headline: headline.optional(),
  body: body.optional(),
  status: writableStatus.optional(),
  scheduledAt: scheduledAt.optional(),
  keyEvent: z.boolean().optional(),
  label: label.optional(),
});

/** POST /api/blogs/{slug}/entries/{id}/review: an editor settles a contributor's submission. */
export const reviewEntrySchema = z
  .strictObject({
    action: z.enum(["publish", "return", "reject"], { error: "action must be publish, return or reject" }),
    /** To the contributor: required to send an entry back (what to change), optional otherwise. */
    note: z.string().trim().max(2000, "note must be at most 2000 characters").optional(),
    /** The version the editor read: when the contributor changed it since, the review is a 409. */
    version: z.number().int().positive().optional(),
  })
  .refine((review) => review.action !== "return" || !!review.note, {
    error: "note: say what to change when sending an entry back",
    path: ["note"],
  });

/** The most a correction note may say: a sentence or two, as newsrooms print them. */
export const MAX_CORRECTION_LENGTH = 500;

/** POST …/entries/{id}/corrections: plain text (white space collapsed); readers see it as written, escaped. */
export const createCorrectionSchema = z.strictObject({
  text: z
    .string({ error: "text is required" })
    .transform((text) => text.replace(/\s+/g, " ").trim())
    .pipe(
      z
        .string()
        .min(1, "text is required")
        .max(MAX_CORRECTION_LENGTH, `text must be at most ${MAX_CORRECTION_LENGTH} characters`),
    ),
});

/** POST …/entries/{id}/revisions/{revisionId}/restore: the version the restore is based on, as for a PATCH. */
export const restoreRevisionSchema = z.strictObject({
  version: z.number({ error: "version is required (the entry's version you restore over)" }).int().positive(),
});

/** A label's colour: its name is written on it in white. */
const labelColour = colourReadableWithWhite("colour", "the label's name is written on it in white");
const labelName = z
  .string({ error: "name is required" })
  .trim()
  .min(1, "name is required")
  .max(MAX_LABEL_NAME_LENGTH, `name must be at most ${MAX_LABEL_NAME_LENGTH} characters`)
  .refine(
    (name) => name.toLowerCase() !== "key event",
    "name: a key event is a flag on the entry (keyEvent), not a label",
  );

/** POST /api/blogs/{slug}/labels: a new label, last in the list. */
export const createLabelSchema = z.strictObject({ name: labelName, colour: labelColour });

/** PATCH /api/blogs/{slug}/labels/{id}: rename (entries carrying it follow) or recolour. */
export const updateLabelSchema = z
  .strictObject({ name: labelName, colour: labelColour })
  .partial()
  .refine((value) => Object.keys(value).length > 0, "give at least one of name, colour");

export const updateUserSchema = z
  .strictObject({
    displayName: z.string().trim().min(1).max(100),
    role: roleSchema,
    /** false deactivates: sessions end at once, tokens stop working, sign-in is refused. */
    active: z.boolean(),
  })
  .partial()
  .refine((value) => Object.keys(value).length > 0, "give at least one of displayName, role, active");

export const entryListQuerySchema = z
  .strictObject({
    limit: z.coerce.number().int().min(1, "limit must be at least 1").max(100, "limit must be at most 100").default(20),
    /** Newest first (`desc`, paged on with `before`) or oldest first (`asc`, paged on with `after`). */
    order: z.enum(["desc", "asc"], { error: "order must be desc or asc" }).default("desc"),
    /** Entries older than this cursor (a `nextCursor`), newest first. */
    before: z.string().max(200).optional(),
    /** Entries newer than this cursor (a `nextCursor`), oldest first. */
    after: z.string().max(200).optional(),
    pinned: z
      .enum(["true", "false"])
      .transform((v) => v === "true")
      .optional(),
    /** "all" adds drafts and scheduled entries (newsroom only), in the stream's order (common/newsroom-stream.ts). */
    status: z.enum(["published", "all"]).default("published"),
    /** The newsroom's list only: one of the workspace's filters. */
    filter: z.enum(STREAM_FILTERS, { error: `filter must be one of ${STREAM_FILTERS.join(", ")}` }).optional(),
    /** The newsroom's list only: entries whose headline or text holds this (any case). */
    q: z
      .string()
      .trim()
      .max(MAX_STREAM_SEARCH_LENGTH, `q must be at most ${MAX_STREAM_SEARCH_LENGTH} characters`)
      .optional(),
  })
  .refine((query) => query.status === "all" || (query.filter === undefined && query.q === undefined), {
    error: "filter and q: only with status=all (the newsroom's list)",
    path: ["status"],
  })
  .refine((query) => query.before === undefined || query.order === "desc", {
    error: "before: only with order=desc (for order=asc, page on with after)",
    path: ["before"],
  })
  .refine((query) => query.after === undefined || query.order === "asc", {
    error: "after: only with order=asc (for order=desc, page on with before)",
    path: ["after"],
  });

export const auditQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1, "limit must be at least 1").max(100, "limit must be at most 100").default(50),
  before: z.string().max(200).optional(),
});

export const blogListQuerySchema = z.strictObject({
  /** "newsroom": the dashboard's list with entry counts (writers only). */
  view: z.enum(["newsroom"]).optional(),
});

/** The admin socket's join request. */
export const adminJoinRequestSchema = z.strictObject({ slug: slugSchema });

export const presenceEditingSchema = z.strictObject({
  slug: slugSchema,
  entries: z
    .array(z.string().min(1).max(64), { error: "entries must be a list of entry ids" })
    .max(PRESENCE_MAX_EDITING, `entries: at most ${PRESENCE_MAX_EDITING} entries at once`)
    .refine((ids) => new Set(ids).size === ids.length, "entries: each entry once"),
});

export const watchRequestSchema = z.discriminatedUnion(
  "list",
  [
    z.strictObject({ list: z.literal("blogs") }),
    z.strictObject({ list: z.literal("users") }),
    z.strictObject({ list: z.literal("audit"), slug: slugSchema }),
  ],
  { error: "list must be blogs, users or audit (with its slug)" },
);

/** Sequence numbers are 32-bit integers in the database; a bigger `since` is a mistake, not a question. */
const MAX_SEQ = 2_147_483_647;

export const eventsQuerySchema = z.strictObject({
  since: z.coerce
    .number({ error: "since must be a number" })
    .int()
    .min(0, "since must be 0 or more")
    .max(MAX_SEQ, `since must be at most ${MAX_SEQ}`),
  limit: z.coerce.number().int().min(1).max(1000).default(500),
});

export const joinRequestSchema = z.strictObject({
  slug: slugSchema,
  since: z.number().int().min(0).max(MAX_SEQ, `since must be at most ${MAX_SEQ}`).optional(),
});

export const createUserSchema = z.strictObject({
  email: z.string().trim().toLowerCase().email("email must be a valid address"),
  displayName: z.string().trim().min(1).max(100).optional(),
  role: roleSchema,
  password: z.string().min(8, "password must be at least 8 characters").max(200),
});

export const createTokenSchema = z.strictObject({
  name: z.string().trim().min(1, "name is required").max(100),
  /** The user the token acts as; defaults to the caller. */
  userId: z.string().min(1).max(64).optional(),
});

export type LoginInput = z.infer<typeof loginSchema>;
export type CreateBlogInput = z.infer<typeof createBlogSchema>;
export type UpdateBlogInput = z.infer<typeof updateBlogSchema>;
export type PublisherSettingsInput = z.infer<typeof publisherSettingsSchema>;
export type CreateEntryInput = z.infer<typeof createEntrySchema>;
export type UpdateEntryInput = z.infer<typeof updateEntrySchema>;
export type CreateCorrectionInput = z.infer<typeof createCorrectionSchema>;
export type RestoreRevisionInput = z.infer<typeof restoreRevisionSchema>;
/** What a client sends to create or edit an entry, before the server's defaults and trimming. */
export type CreateEntryRequest = z.input<typeof createEntrySchema>;
export type UpdateEntryRequest = z.input<typeof updateEntrySchema>;
export type EntryListQuery = z.infer<typeof entryListQuerySchema>;
export type PinOrderInput = z.infer<typeof pinOrderSchema>;
export type CreateUserInput = z.infer<typeof createUserSchema>;
export type CreateLabelInput = z.infer<typeof createLabelSchema>;
export type UpdateLabelInput = z.infer<typeof updateLabelSchema>;
export type AuditQuery = z.infer<typeof auditQuerySchema>;
export type UpdateUserInput = z.infer<typeof updateUserSchema>;
export type ReviewEntryInput = z.infer<typeof reviewEntrySchema>;
export type CreateTokenInput = z.infer<typeof createTokenSchema>;

/** A zod error as one sentence naming each wrong field. */
export function describeZodError(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const where =
        issue.code === "unrecognized_keys" ? [...issue.path, ...issue.keys].join(", ") : issue.path.join(".");
      const message = issue.code === "unrecognized_keys" ? "not a known field" : issue.message;
      return where ? `${where}: ${message}` : message;
    })
    .join("; ");
}
