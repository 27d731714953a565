// The publisher's brand against a real database: defaults until saved, admins only, one row, every cache dropped.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/common/permissions";
import type { PublisherSettingsInput } from "@/common/contracts/schemas";
import { openTestDatabase } from "../test/harness";
import { opened } from "../test/committed";
import { readPublisher, updatePublisher } from "./publisher-settings";

const DEFAULTS = { name: "Env News", logoUrl: null, accentColor: "#b91c1c", timeZone: "UTC", locale: "en-GB" };
const BRAND: PublisherSettingsInput = {
  name: "The Harbour Times",
  logoUrl: "https://images.example/logo.svg",
  accentColor: "#1d4ed8",
  timeZone: "Europe/London",
  locale: "en-GB",
};
const HOSTS = { imageHosts: ["https://images.example"] };
const admin: Actor = { id: "a", role: "ADMIN", name: "Ada" };
const editor: Actor = { id: "e", role: "EDITOR", name: "Eve" };

let database: Awaited<ReturnType<typeof openTestDatabase>>;

beforeAll(async () => {
  database = await openTestDatabase();
});

afterAll(async () => {
  await database?.dispose();
});

describe("publisher settings", () => {
  it("reads the defaults until an admin saves, refusing everyone else", async () => {
    const db = database.prisma;
    expect(await readPublisher(db, DEFAULTS)).toEqual({ ...DEFAULTS, updatedAt: null });
    await expect(updatePublisher(db, editor, BRAND, HOSTS)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(updatePublisher(db, null, BRAND, HOSTS)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    expect(await db.publisherSettings.count()).toBe(0);
  });

  it("saves one row over the defaults, and drops every cached read on every node", async () => {
    const db = database.prisma;
    const first = opened(await updatePublisher(db, admin, BRAND, HOSTS));
    expect(first.effects).toEqual([{ type: "drop-all-caches" }]);
    const second = opened(await updatePublisher(db, admin, { ...BRAND, name: "Renamed", logoUrl: null }, HOSTS));
    expect(await db.publisherSettings.count()).toBe(1);
    expect(await readPublisher(db, DEFAULTS)).toEqual({
      ...BRAND,
      name: "Renamed",
      logoUrl: null,
      updatedAt: second.updatedAt,
    });
    expect(Date.parse(second.updatedAt!)).toBeGreaterThanOrEqual(Date.parse(first.updatedAt!));
  });

  it("takes a logo from our uploads or an image host only, since the pages' CSP loads no other", async () => {
    const db = database.prisma;
    await expect(
      updatePublisher(db, admin, { ...BRAND, logoUrl: "https://elsewhere.example/logo.svg" }, HOSTS),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("https://images.example") });
    await expect(updatePublisher(db, admin, BRAND, { imageHosts: [] })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "logoUrl must be uploaded here (/uploads/…): pages load images from nowhere else",
    });
    const uploaded = opened(
      await updatePublisher(db, admin, { ...BRAND, logoUrl: "/uploads/ab12.png" }, { imageHosts: [] }),
    );
    expect(uploaded.logoUrl).toBe("/uploads/ab12.png");
  });
});
