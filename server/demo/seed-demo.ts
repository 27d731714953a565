// First start on an empty database: a demo blog written by two demo accounts, so there is something to see.
import { randomBytes } from "node:crypto";
import type { Role } from "@/common/contracts/dto";
import { sanitizeEntryHtml } from "../content/sanitize";
import { recordEvent } from "../db/events";
import { entryInclude, toEntryDTO } from "../db/to-dto";
import { initialLabelRows } from "../db/labels";
import { insertUser } from "../db/users";
import type { Db } from "../db/types";
import { DEMO_BLOG, DEMO_ENTRIES } from "./demo-content";

export interface DemoAccount {
  role: Role;
  email: string;
  password: string;
}

const ACCOUNTS: {
  key: "admin" | "editor" | "journalist" | "contributor";
  role: Role;
  email: string;
  displayName: string;
}[] = [
  { key: "admin", role: "ADMIN", email: "admin@liveline.local", displayName: "Site Admin" },
  { key: "editor", role: "EDITOR", email: "editor@liveline.local", displayName: "Maya Okafor" },
  { key: "journalist", role: "JOURNALIST", email: "journalist@liveline.local", displayName: "Tom Reyes" },
  // A reporter in the field: what they write waits for an editor's review.
  { key: "contributor", role: "CONTRIBUTOR", email: "contributor@liveline.local", displayName: "Lena Brandt" },
];

/** Seeds only when there are no users at all; returns the accounts created, or null when it did nothing. */
export async function seedDemoOnFirstStart(db: Db, now = new Date()): Promise<DemoAccount[] | null> {
  if ((await db.user.count()) > 0) return null;
  const accounts: DemoAccount[] = [];
  const ids: Record<string, string> = {};
  for (const account of ACCOUNTS) {
    const password = randomBytes(9).toString("base64url");
    const user = await insertUser(db, {
      email: account.email,
      displayName: account.displayName,
      role: account.role,
      password,
    });
    ids[account.key] = user.id;
    accounts.push({ role: account.role, email: account.email, password });
  }

  const lastMinute = DEMO_ENTRIES.at(-1)?.minute ?? 0;
  const startedAt = new Date(now.getTime() - (lastMinute + 5) * 60_000);
  await db.$transaction(async (tx) => {
    const blog = await tx.blog.create({
      data: { ...DEMO_BLOG, createdAt: startedAt, labels: { create: initialLabelRows() } },
    });
    const seqStart = blog.seq;
    for (const [index, entry] of DEMO_ENTRIES.entries()) {
      const publishedAt = new Date(startedAt.getTime() + entry.minute * 60_000);
      const created = await tx.entry.create({
        data: {
          blogId: blog.id,
          authorId: ids[entry.by] ?? "",
          headline: entry.headline,
          body: sanitizeEntryHtml(entry.body),
          label: entry.label,
          keyEvent: entry.keyEvent,
          pinned: entry.pinned,
          status: "PUBLISHED",
          publishedAt,
          createdAt: publishedAt,
        },
        include: entryInclude,
      });
      // Record the seed like any other publish, so the event log and seq agree with the content.
      const seq = seqStart + index + 1;
      await recordEvent(tx, blog.id, {
        type: "entry:published",
        payload: { blog: blog.slug, seq, entry: toEntryDTO(created) },
      });
    }
    await tx.blog.update({ where: { id: blog.id }, data: { seq: seqStart + DEMO_ENTRIES.length } });
  });
  return accounts;
}
