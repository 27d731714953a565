// The upload quota against a real database: a rolling 24 hours per user, and when a refused upload would fit.
import { describe, expect, it } from "vitest";
import { useTestDatabase } from "../test/test-database";
import { forgetUpload, recordUpload } from "./uploads";

const database = useTestDatabase({ journalist: "JOURNALIST", other: "JOURNALIST" });
const { journalist, other } = database.people;

const HOUR = 3600_000;
const at = (hours: number) => new Date(Date.UTC(2026, 10, 30, 8) + hours * HOUR);
let n = 0;
const upload = (bytes: number) => ({ name: `${String(n++).padStart(32, "0")}.png`, bytes });

describe("recordUpload", () => {
  it("holds each user to the quota over the last 24 hours, and says when the image will fit", async () => {
    const db = database.prisma;
    const quota = 100 * 1024;
    await recordUpload(db, journalist, upload(40 * 1024), quota, at(0));
    await recordUpload(db, journalist, upload(40 * 1024), quota, at(1));
    const refused = recordUpload(db, journalist, upload(40 * 1024), quota, at(2));
    await expect(refused).rejects.toMatchObject({
      name: "TooManyRequestsError",
      message:
        "upload quota reached: you have uploaded 80 KB in the last 24 hours, and this image (40 KB) would take you past the 100 KB a day " +
        "each person may upload; try again in 22 hours",
      // The first upload ages out at hour 24, and then this one fits.
      retryAfterSeconds: 22 * 3600,
    });
    // Another user has a quota of their own; a smaller image still fits.
    await recordUpload(db, other, upload(90 * 1024), quota, at(2));
    await recordUpload(db, journalist, upload(20 * 1024), quota, at(2));
    expect(await db.upload.count({ where: { userId: journalist.id } })).toBe(3);
    // A day after the first upload, it no longer counts.
    await recordUpload(db, journalist, upload(40 * 1024), quota, at(24.5));
  });

  it("refuses an image bigger than the whole quota with 413, takes anything with no quota, and only from writers", async () => {
    const db = database.prisma;
    await expect(recordUpload(db, journalist, upload(2 * 1024 * 1024), 1024 * 1024, at(0))).rejects.toMatchObject({
      code: "PAYLOAD_TOO_LARGE",
      message: "file: this image (2 MB) is bigger than the upload quota of 1 MB a day",
    });
    const big = upload(5 * 1024 * 1024);
    for (let i = 0; i < 3; i++) await recordUpload(db, other, { ...big, name: `${i}${big.name.slice(1)}` }, 0, at(3));
    await expect(recordUpload(db, null, upload(1), 0)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await forgetUpload(db, big.name.replace(/^./, "0"));
    expect(await db.upload.count({ where: { userId: other.id, bytes: big.bytes } })).toBe(2);
  });
});
