// The embed's script as the process serves it: built by scripts/build-embed.ts into .next/liveline-embed/
// under a content-hashed name, so it is cached for a year and never goes stale (a new build, a new name).
// Served here rather than from public/: Next answers public files with `max-age=0`, and the script is
// gzipped once, in memory, instead of on every request. Plain Node: no "server-only" marker.
import { readFileSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";
import { gzipSync } from "node:zlib";

/** The URL folder the script is served under (not /embed/: that is the embed page's, framed by any site). */
export const EMBED_SCRIPT_PREFIX = "/embed-assets/";
const BUILD_DIR = path.join(".next", "liveline-embed");

interface LoadedScript {
  name: string;
  body: Buffer;
  gzipped: Buffer;
}

let loaded: LoadedScript | undefined;

function load(root: string): LoadedScript {
  if (loaded) return loaded;
  const dir = path.join(root, BUILD_DIR);
  let name: string;
  try {
    ({ script: name } = JSON.parse(readFileSync(path.join(dir, "manifest.json"), "utf8")) as { script: string });
  } catch (error) {
    throw new Error(`the embed script is not built (${dir}): run \`npm run build\``, { cause: error });
  }
  const body = readFileSync(path.join(dir, name));
  loaded = { name, body, gzipped: gzipSync(body, { level: 9 }) };
  return loaded;
}

/** The script's URL path, for the embed page's <script src>. */
export function embedScriptPath(root = process.cwd()): string {
  return `${EMBED_SCRIPT_PREFIX}${load(root).name}`;
}

/** True when the request is for a file under /embed-assets/ (answered by `serveEmbedScript`, a 404 if unknown). */
export function isEmbedScriptRequest(req: IncomingMessage): boolean {
  return (req.url ?? "").startsWith(EMBED_SCRIPT_PREFIX);
}

export function serveEmbedScript(req: IncomingMessage, res: ServerResponse, root = process.cwd()): void {
  const script = load(root);
  const [pathname] = (req.url ?? "").split("?", 1);
  if (pathname !== `${EMBED_SCRIPT_PREFIX}${script.name}` || (req.method !== "GET" && req.method !== "HEAD")) {
    res.writeHead(req.method === "GET" || req.method === "HEAD" ? 404 : 405, {
      "content-type": "text/plain; charset=utf-8",
      "cache-control": "no-store",
    });
    res.end(req.method === "HEAD" ? undefined : "not found\n");
    return;
  }
  const gzip = /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""));
  const body = gzip ? script.gzipped : script.body;
  res.writeHead(200, {
    "content-type": "text/javascript; charset=utf-8",
    "content-length": body.length,
    "cache-control": "public, max-age=31536000, immutable",
    vary: "Accept-Encoding",
    // Other sites' pages frame the embed; its script is loaded by the embed page itself (same origin).
    "cross-origin-resource-policy": "same-origin",
    ...(gzip ? { "content-encoding": "gzip" } : {}),
  });
  res.end(req.method === "HEAD" ? undefined : body);
}
