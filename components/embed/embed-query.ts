// The embed's query string, parsed: the options, or the first problem in words (the route answers 400 with it).
import { z } from "@/common/zod";
import {
  DEFAULT_EMBED_OPTIONS,
  EMBED_THEMES,
  MAX_EMBED_ENTRIES,
  MIN_EMBED_ENTRIES,
  type EmbedOptions,
} from "./embed-options";

const flag = (name: string) =>
  z.enum(["0", "1"], { error: `${name} must be 0 or 1` }).transform((value) => value === "1");

/**
 * The query string's parameters; each is optional (its default applies). Others are ignored: pages and links
 * add their own (?ref=, utm_…), and an embed must not break over them.
 */
export const embedQuerySchema = z.object(
  {
    theme: z.enum(EMBED_THEMES, { error: "theme must be light, dark or auto" }).default(DEFAULT_EMBED_OPTIONS.theme),
    entries: z
      .string()
      .regex(/^\d{1,3}$/, { error: `entries must be a whole number from ${MIN_EMBED_ENTRIES} to ${MAX_EMBED_ENTRIES}` })
      .transform(Number)
      .pipe(
        z
          .number()
          .int()
          .min(MIN_EMBED_ENTRIES, { error: `entries must be at least ${MIN_EMBED_ENTRIES}` })
          .max(MAX_EMBED_ENTRIES, { error: `entries must be at most ${MAX_EMBED_ENTRIES}` }),
      )
      .default(DEFAULT_EMBED_OPTIONS.entries),
    header: flag("header").default(DEFAULT_EMBED_OPTIONS.header),
    pinned: flag("pinned").default(DEFAULT_EMBED_OPTIONS.pinned),
  },
  {
    error: (issue) => (issue.code === "unrecognized_keys" ? `unknown parameter: ${issue.keys.join(", ")}` : undefined),
  },
);

/** Parses a query string's parameters: the options, or the first problem in words. */
export function parseEmbedOptions(params: URLSearchParams): { options: EmbedOptions } | { error: string } {
  const values: Record<string, string> = {};
  for (const [key, value] of params) {
    if (key in values && key in embedQuerySchema.shape) return { error: `${key} is given more than once` };
    values[key] = value;
  }
  const parsed = embedQuerySchema.safeParse(values);
  if (!parsed.success) return { error: parsed.error.issues[0]?.message ?? "invalid embed options" };
  return { options: parsed.data };
}
