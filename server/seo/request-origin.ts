// The site's origin for the page or route handler being rendered (see publicOriginOf).
import "server-only";
import { headers } from "next/headers";
import { getRuntime } from "../runtime";
import { publicOriginOf } from "./public-origin";

export async function requestOrigin(): Promise<string> {
  return publicOriginOf(getRuntime().config.publicUrl, await headers());
}
