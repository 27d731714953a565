// The audit log: who did what to a blog and its entries. Rows are written by the data functions that
// make the change, inside their transaction, so a change and its audit row commit or fail together.
import type { AuditAction, AuditEventDTO } from "@/common/contracts/dto";
import type { AuditQuery } from "@/common/contracts/schemas";
import { requirePermission, type Actor } from "@/common/permissions";
import { AppError } from "@/common/app-error";
import { decodePageCursor, toPage } from "./page-cursor";
import { auditInclude, toAuditEventDTO } from "./to-dto";
import type { Db, Tx } from "./types";

export interface AuditRecord {
  blogId: string;
  /** Null when the system acted (the scheduler). */
  actorId: string | null;
  action: AuditAction;
  entryId?: string | null;
  summary: string;
}

export async function recordAudit(tx: Tx, records: AuditRecord | AuditRecord[]): Promise<void> {
  const list = Array.isArray(records) ? records : [records];
  if (list.length === 0) return;
  await tx.auditEvent.createMany({
    data: list.map((r) => ({
      blogId: r.blogId,
      actorId: r.actorId,
      action: r.action,
      entryId: r.entryId ?? null,
      summary: r.summary,
    })),
  });
}

/** Newest first; editors and admins only. */
export async function listAuditEvents(
  db: Db,
  actor: Actor | null,
  slug: string,
  query: AuditQuery,
): Promise<{ events: AuditEventDTO[]; nextCursor: string | null }> {
  requirePermission(actor, "audit:read");
  const blog = await db.blog.findUnique({ where: { slug }, select: { id: true } });
  if (!blog) throw new AppError("NOT_FOUND", `no blog with slug "${slug}"`);
  const cursor = query.before === undefined ? null : decodePageCursor("audit", query.before);
  const rows = await db.auditEvent.findMany({
    where: {
      blogId: blog.id,
      ...(cursor ? { OR: [{ createdAt: { lt: cursor.at } }, { createdAt: cursor.at, id: { lt: cursor.id } }] } : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: query.limit + 1,
    include: auditInclude,
  });
  const { page, nextCursor } = toPage(rows, query.limit, "audit", (row) => row.createdAt);
  return { events: page.map(toAuditEventDTO), nextCursor };
}

const SUMMARY_MAX = 80;

/** An entry in one short line: its headline, or the first words of its body. */
export function describeEntry(entry: { headline: string | null; body: string }): string {
  const text = entry.headline?.trim() || textOf(entry.body);
  if (text.length <= SUMMARY_MAX) return text || "(no text)";
  const cut = text.slice(0, SUMMARY_MAX);
  const space = cut.lastIndexOf(" ");
  return `${(space > SUMMARY_MAX / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

function textOf(html: string): string {
  return html
    .replace(/<[^>]*>/g, " ")
    .replace(/&nbsp;/g, " ")
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, " ")
    .trim();
}
