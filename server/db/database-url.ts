// What a DATABASE_URL names: which provider, and for SQLite which file. Read by the client and by the
// migrations, so neither depends on the other.
import path from "node:path";
import { fileURLToPath } from "node:url";

export type Provider = "sqlite" | "postgresql";

export function providerOf(databaseUrl: string): Provider {
  if (databaseUrl.startsWith("file:")) return "sqlite";
  if (/^postgres(ql)?:\/\//.test(databaseUrl)) return "postgresql";
  throw new Error(`Unsupported DATABASE_URL scheme: ${databaseUrl.split(":")[0]}: (use file: or postgresql://)`);
}

// `file:./data/liveline.db` is relative to the working directory, as in Prisma's own URLs.
export function sqlitePathOf(databaseUrl: string): string {
  const withoutQuery = databaseUrl.replace(/\?.*$/, "");
  if (withoutQuery.startsWith("file://")) return fileURLToPath(withoutQuery);
  return path.resolve(withoutQuery.slice("file:".length));
}
