// The publisher's brand: one row an admin saves at /admin/settings, over the environment's defaults.
import type { PublisherDTO } from "@/common/contracts/dto";
import type { PublisherSettingsInput } from "@/common/contracts/schemas";
import { AppError } from "@/common/app-error";
import { requirePermission, type Actor } from "@/common/permissions";
import type { PublisherDefaults } from "../config";
import { committed, type Committed } from "../effects";
import type { Db } from "./types";

/** The one row's id. */
const ROW = "publisher";

function toPublisherDTO(row: Omit<PublisherDTO, "updatedAt"> & { updatedAt: Date }): PublisherDTO {
  const { name, logoUrl, accentColor, timeZone, locale } = row;
  return { name, logoUrl, accentColor, timeZone, locale, updatedAt: row.updatedAt.toISOString() };
}

/** What every page shows: the saved settings, or the defaults while none are saved. Anyone may read it. */
export async function readPublisher(db: Db, defaults: PublisherDefaults): Promise<PublisherDTO> {
  const row = await db.publisherSettings.findUnique({ where: { id: ROW } });
  return row ? toPublisherDTO(row) : { ...defaults, updatedAt: null };
}

/**
 * Admins only. Every page, feed and cached read shows the brand, so all of them are dropped, on every node.
 * Not in the audit log: its rows belong to a blog. `imageHosts` are the origins the pages' CSP loads images
 * from (IMAGE_HOSTS): a logo anywhere else would be blocked in every reader's browser.
 */
export async function updatePublisher(
  db: Db,
  actor: Actor | null,
  input: PublisherSettingsInput,
  { imageHosts }: { imageHosts: readonly string[] },
): Promise<Committed<PublisherDTO>> {
  requirePermission(actor, "publisher:edit");
  if (input.logoUrl && !input.logoUrl.startsWith("/") && !imageHosts.includes(new URL(input.logoUrl).origin)) {
    const allowed = imageHosts.length > 0 ? `, or come from ${imageHosts.join(", ")} (IMAGE_HOSTS)` : "";
    throw new AppError(
      "BAD_REQUEST",
      `logoUrl must be uploaded here (/uploads/…)${allowed}: pages load images from nowhere else`,
    );
  }
  const row = await db.publisherSettings.upsert({
    where: { id: ROW },
    create: { id: ROW, ...input },
    update: input,
  });
  return committed(toPublisherDTO(row), [{ type: "drop-all-caches" }]);
}
