// Generates both Prisma clients (server/db/generated/{sqlite,postgresql}); run by `npm install`.
// Offline-safe: `prisma generate` only checks that a schema engine binary exists (it never runs
// it), and would otherwise try to download one, which these machines cannot.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const prismaCli = path.join(root, "node_modules", ".bin", "prisma");
const providers = ["sqlite", "postgresql"];

const env = {
  ...process.env,
  PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY || process.execPath,
  PRISMA_HIDE_UPDATE_MESSAGE: "1",
  CHECKPOINT_DISABLE: "1", // no telemetry call to time out on
};

function generate(provider) {
  return new Promise((resolve) => {
    // Through node rather than the .bin shim, so it also runs where shebangs do not.
    const child = spawn(process.execPath, [prismaCli, "generate", "--schema", path.join("prisma", provider)], {
      cwd: root,
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("error", (error) => resolve({ provider, ok: false, output: String(error) }));
    child.on("close", (code) => resolve({ provider, ok: code === 0, output }));
  });
}

// `npm ci --omit=dev` has no Prisma CLI; such installs must ship clients generated at build time.
if (!existsSync(prismaCli)) {
  console.warn("generate-prisma: prisma CLI not installed (dev dependency); skipping client generation.");
  process.exit(0);
}

const results = await Promise.all(providers.map(generate));
for (const { provider, ok, output } of results) {
  if (ok) {
    console.log(`generate-prisma: ${provider} client -> server/db/generated/${provider}`);
  } else {
    console.error(`generate-prisma: ${provider} failed\n${output}`);
  }
}
process.exit(results.every((result) => result.ok) ? 0 : 1);
