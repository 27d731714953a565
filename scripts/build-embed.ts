// Bundles the embed's script (components/embed/embed-client.ts) on its own, without React or Next's runtime:
// other sites' articles load it. `npm run build` runs this after `next build` (which empties .next/); the
// file name carries a hash of its content, so server/embed/embed-script.ts serves it as immutable.
import { createHash } from "node:crypto";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { build } from "esbuild";

/** Where the bundle and its manifest go, under the Next build's folder. */
export const EMBED_BUILD_DIR = path.join(".next", "liveline-embed");
export const EMBED_MANIFEST = "manifest.json";

export interface EmbedManifest {
  /** The script's file name in EMBED_BUILD_DIR: embed-client.{hash}.js */
  script: string;
}

export async function buildEmbedClient(root = process.cwd()): Promise<EmbedManifest> {
  const result = await build({
    absWorkingDir: root,
    entryPoints: ["components/embed/embed-client.ts"],
    bundle: true,
    minify: true,
    format: "iife",
    platform: "browser",
    target: ["es2020"],
    tsconfig: "tsconfig.json",
    write: false,
    legalComments: "none",
    define: { "process.env.NODE_ENV": '"production"' },
  });
  const code = result.outputFiles[0]?.contents;
  if (!code) throw new Error("esbuild produced no embed script");
  const hash = createHash("sha256").update(code).digest("base64url").slice(0, 12);
  const manifest: EmbedManifest = { script: `embed-client.${hash}.js` };
  const dir = path.join(root, EMBED_BUILD_DIR);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, manifest.script), code);
  writeFileSync(path.join(dir, EMBED_MANIFEST), JSON.stringify(manifest));
  return manifest;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const manifest = await buildEmbedClient();
  console.log(`[liveline] embed script: ${EMBED_BUILD_DIR}/${manifest.script}`);
}
