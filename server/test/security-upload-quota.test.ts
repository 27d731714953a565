// A journalist's account (or a leaked token) cannot fill the disk: uploads per user are held to a quota over
// 24 hours, also when uploads arrive in parallel at the edge, and a refused upload leaves no file behind.
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertApiToken } from "../db/tokens";
import { startTestServer, type TestServer } from "./harness";
import { sendTogether } from "./last-byte-sync";

const KB = 1024;
// 0.1 MB = 102.4 KB: three 30 KB images fit, a fourth does not.
const QUOTA_MB = "0.1";
let server: TestServer;
let uploadsDir: string;

beforeAll(async () => {
  uploadsDir = mkdtempSync(path.join(tmpdir(), "liveline-quota-"));
  server = await startTestServer({
    env: { UPLOAD_QUOTA_MB_PER_DAY: QUOTA_MB, UPLOADS_DIR: uploadsDir, WRITE_RATE_PER_MINUTE: "0" },
  });
});

afterAll(async () => {
  await server?.dispose();
  rmSync(uploadsDir, { recursive: true, force: true });
});

/** A PNG of `bytes` bytes (the type is judged by the signature; the rest is filler). */
function png(bytes: number): Uint8Array<ArrayBuffer> {
  const image = new Uint8Array(bytes);
  image.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return image;
}

async function upload(
  token: string,
  bytes: number,
): Promise<{ status: number; body: { error?: string; code?: string }; retryAfter: string | null }> {
  const form = new FormData();
  form.append("file", new Blob([png(bytes)], { type: "image/png" }), "photo.png");
  const response = await fetch(`${server.url}/api/uploads`, {
    method: "POST",
    body: form,
    headers: { authorization: `Bearer ${token}` },
  });
  return {
    status: response.status,
    body: (await response.json()) as { error?: string; code?: string },
    retryAfter: response.headers.get("retry-after"),
  };
}

/** A multipart/form-data body holding `image` in the field "file", as a browser would send it. */
async function multipartOf(image: Uint8Array<ArrayBuffer>): Promise<{ bytes: Uint8Array; contentType: string }> {
  const form = new FormData();
  form.append("file", new Blob([image], { type: "image/png" }), "photo.png");
  const request = new Request("http://multipart.invalid/", { method: "POST", body: form });
  return { bytes: new Uint8Array(await request.arrayBuffer()), contentType: request.headers.get("content-type")! };
}

const uploadedBytes = async (userId: string) =>
  (await server.db.prisma.upload.aggregate({ where: { userId }, _sum: { bytes: true } }))._sum.bytes ?? 0;

describe("the upload quota", () => {
  it("refuses uploads past the quota with 429, a clear message and Retry-After; other users are not affected", async () => {
    const { token, id } = server.users.journalist;
    for (let i = 0; i < 3; i++) expect((await upload(token, 30 * KB)).status).toBe(201);
    const refused = await upload(token, 30 * KB);
    expect(refused.status).toBe(429);
    expect(refused.body).toEqual({
      error:
        "upload quota reached: you have uploaded 90 KB in the last 24 hours, and this image (30 KB) would take you past the 103 KB a day " +
        "each person may upload; try again in 24 hours",
      code: "TOO_MANY_REQUESTS",
    });
    expect(Number(refused.retryAfter)).toBeGreaterThan(23 * 3600);
    // What still fits is taken.
    expect((await upload(token, 10 * KB)).status).toBe(201);
    expect((await upload(token, 10 * KB)).status).toBe(429);
    expect(await uploadedBytes(id)).toBe(100 * KB);
    // An image bigger than the whole quota could never fit: 413.
    const huge = await upload(server.users.editor.token, 200 * KB);
    expect(huge.status).toBe(413);
    expect(huge.body.error).toBe("file: this image (200 KB) is bigger than the upload quota of 103 KB a day");
    expect((await upload(server.users.editor.token, 30 * KB)).status).toBe(201);
  });

  it("ten uploads arriving at the same moment at the edge: exactly as many as fit are stored, the rest get 429", async () => {
    const { id } = server.users.journalist2;
    // Ten tools of one journalist, each with its token, their uploads held back until all ten are authorized.
    const tokens = await Promise.all(
      Array.from({ length: 10 }, (_, i) => insertApiToken(server.db.prisma, id, `wire tool ${i}`)),
    );
    const multipart = await multipartOf(png(30 * KB));
    const held = tokens.map(({ token }) => ({
      method: "POST",
      url: `${server.url}/api/uploads`,
      headers: { authorization: `Bearer ${token}`, "content-type": multipart.contentType },
      body: multipart.bytes,
    }));
    const authorized = async () =>
      (await server.db.prisma.apiToken.count({
        where: { id: { in: tokens.map((t) => t.apiToken.id) }, lastUsedAt: { not: null } },
      })) === tokens.length;
    const answers = await sendTogether<{ error?: string }>(held, authorized);
    expect(answers.map((a) => a.status).sort(), JSON.stringify(answers.map((a) => a.body))).toEqual([
      201, 201, 201, 429, 429, 429, 429, 429, 429, 429,
    ]);
    expect(await uploadedBytes(id)).toBe(90 * KB);
  });

  it("leaves no file behind for a refused upload: the files on disk are exactly the recorded uploads", async () => {
    const recorded = await server.db.prisma.upload.findMany({ select: { name: true } });
    expect(readdirSync(uploadsDir).sort()).toEqual(recorded.map((u) => u.name).sort());
    expect(recorded).toHaveLength(3 + 1 + 1 + 3);
  });
});
