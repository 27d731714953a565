// Builds the Next.js app when there is no build, or when a source file is newer than the build.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const SOURCES = [
  "app",
  "common",
  "components",
  "server",
  "public",
  "next.config.ts",
  "postcss.config.mjs",
  "package-lock.json",
];
const SKIP = new Set(["node_modules", "generated", "test"]);

function newestMtime(target: string): number {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(target)) {
    if (SKIP.has(entry)) continue;
    newest = Math.max(newest, newestMtime(path.join(target, entry)));
  }
  return newest;
}

export function buildIsCurrent(root = process.cwd()): boolean {
  const marker = path.join(root, ".next", "BUILD_ID");
  if (!existsSync(marker)) return false;
  // The embed's script is bundled after Next's build (scripts/build-embed.ts): a build without it is not complete.
  if (!existsSync(path.join(root, ".next", "liveline-embed", "manifest.json"))) return false;
  const built = statSync(marker).mtimeMs;
  return SOURCES.every((source) => newestMtime(path.join(root, source)) <= built);
}

export function ensureBuild(root = process.cwd()): void {
  if (buildIsCurrent(root)) return;
  console.log("[liveline] building the web app (first start or sources changed)…");
  const result = spawnSync(path.join(root, "node_modules", ".bin", "next"), ["build"], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (result.status !== 0) throw new Error(`next build failed with exit code ${result.status}`);
  const embed = spawnSync(process.execPath, ["--import", "tsx", path.join(root, "scripts", "build-embed.ts")], {
    cwd: root,
    stdio: "inherit",
  });
  if (embed.status !== 0) throw new Error(`the embed script's build failed with exit code ${embed.status}`);
}

if (import.meta.url === `file://${process.argv[1]}`) ensureBuild();
