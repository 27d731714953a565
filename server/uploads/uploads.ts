// Uploaded images: checked by their bytes (never by what the client says they are), counted against the
// uploader's quota, stored under a random name in config.uploadsDir, served back read-only by
// app/uploads/[name]/route.ts.
import { randomBytes } from "node:crypto";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Actor } from "@/common/permissions";
import type { UploadDTO } from "@/common/contracts/dto";
import { forgetUpload, recordUpload } from "../db/uploads";
import type { Db } from "../db/types";
import { AppError } from "@/common/app-error";
import { committed, type Committed } from "../effects";
import { MAX_UPLOAD_BYTES, requestBody } from "../http/request-body";

interface ImageType {
  extension: "jpg" | "png" | "webp" | "gif";
  contentType: string;
  matches(bytes: Uint8Array): boolean;
}

const startsWith = (bytes: Uint8Array, prefix: readonly number[], at = 0) =>
  prefix.every((byte, i) => bytes[at + i] === byte);
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

const IMAGE_TYPES: readonly ImageType[] = [
  { extension: "jpg", contentType: "image/jpeg", matches: (b) => startsWith(b, [0xff, 0xd8, 0xff]) },
  {
    extension: "png",
    contentType: "image/png",
    matches: (b) => startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  },
  {
    extension: "webp",
    contentType: "image/webp",
    matches: (b) => startsWith(b, ascii("RIFF")) && startsWith(b, ascii("WEBP"), 8),
  },
  {
    extension: "gif",
    contentType: "image/gif",
    matches: (b) => startsWith(b, ascii("GIF87a")) || startsWith(b, ascii("GIF89a")),
  },
];

/** The only names ever written, so the only ones ever served: no dots, slashes or anything else to traverse with. */
const STORED_NAME = /^[a-f0-9]{32}\.(jpg|png|webp|gif)$/;

export function imageTypeOf(bytes: Uint8Array): ImageType | null {
  return IMAGE_TYPES.find((type) => type.matches(bytes)) ?? null;
}

/** The `file` field of a multipart/form-data request: 415 for another body type, 413 when too big, 400 without a file. */
export async function readUploadedFile(request: Request): Promise<Uint8Array> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^multipart\/form-data\b/i.test(type))
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", "send the image as multipart/form-data in a field named file");
  const body = await requestBody(request);
  if ("tooLarge" in body) throw tooLarge();
  let form: FormData;
  try {
    form = await new Response(body.bytes, { headers: { "content-type": type } }).formData();
  } catch {
    throw new AppError("BAD_REQUEST", "the body is not valid multipart/form-data");
  }
  const file = form.get("file");
  if (!file || typeof file === "string")
    throw new AppError("BAD_REQUEST", "file: attach the image as a file in a field named file");
  if (file.size > MAX_UPLOAD_BYTES) throw tooLarge();
  return new Uint8Array(await file.arrayBuffer());
}

export interface UploadSettings {
  /** config.uploadsDir */
  dir: string;
  /** config.uploadQuotaBytesPerDay (0: no quota) */
  quotaBytes: number;
}

/**
 * Stores an image under a new random name for `actor`: 415 unless its bytes are a JPEG, PNG, WebP or
 * GIF, 429 (or 413) past the uploader's quota. The upload is recorded before its file is written, so
 * a refused one never reaches the disk; if writing fails, the record is taken back.
 */
export async function storeUpload(
  db: Db,
  actor: Actor | null,
  { dir, quotaBytes }: UploadSettings,
  bytes: Uint8Array,
): Promise<Committed<UploadDTO>> {
  if (bytes.byteLength > MAX_UPLOAD_BYTES) throw tooLarge();
  const type = imageTypeOf(bytes);
  if (!type) throw new AppError("UNSUPPORTED_MEDIA_TYPE", "file: only JPEG, PNG, WebP and GIF images can be uploaded");
  const name = `${randomBytes(16).toString("hex")}.${type.extension}`;
  await recordUpload(db, actor, { name, bytes: bytes.byteLength }, quotaBytes);
  // turbopackIgnore: the uploads folder is data chosen at run time, not a file for the build to trace.
  const file = path.join(/* turbopackIgnore: true */ dir, name);
  try {
    await mkdir(dir, { recursive: true });
    await writeFile(file, bytes, { flag: "wx" });
  } catch (error) {
    // A half-written file goes too; "already exists" (a random name met twice) is someone else's file.
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") await rm(file, { force: true }).catch(() => undefined);
    await forgetUpload(db, name);
    throw error;
  }
  return committed({ url: `/uploads/${name}`, contentType: type.contentType, bytes: bytes.byteLength });
}

/** A stored upload by name, or null for a name we never write or a file that is not there. */
export async function readUpload(
  dir: string,
  name: string,
): Promise<{ bytes: Uint8Array<ArrayBuffer>; contentType: string } | null> {
  const match = STORED_NAME.exec(name);
  if (!match) return null;
  const type = IMAGE_TYPES.find((t) => t.extension === match[1]);
  try {
    return {
      bytes: new Uint8Array(await readFile(path.join(/* turbopackIgnore: true */ dir, name))),
      contentType: type!.contentType,
    };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}

function tooLarge(): AppError {
  return new AppError("PAYLOAD_TOO_LARGE", `file: an image may be at most ${MAX_UPLOAD_BYTES / 1024 / 1024} MB`);
}
