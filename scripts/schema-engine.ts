// Prisma's schema engine as Wasm, driven through driver adapters: the native engine that the
// CLI downloads for every migrate command cannot be fetched on our offline machines.
// Dev tooling only (scripts/migrations-cli.ts `new`); the server applies migrations with server/db/apply-migrations.ts.
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import pg from "pg";
import { PrismaLibSql } from "@prisma/adapter-libsql";
import { PrismaPg } from "@prisma/adapter-pg";
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import * as engineBindings from "@prisma/schema-engine-wasm/schema_engine_bg";
import type { SchemaEngine } from "@prisma/schema-engine-wasm";
import type { Provider } from "../server/db/database-url.ts";

export type { SchemaEngine };

let instantiated: Promise<void> | undefined;

// The package's entry imports the .wasm file as an ES module, which Node 20 cannot do.
function instantiateEngine(): Promise<void> {
  instantiated ??= (async () => {
    const require = createRequire(import.meta.url);
    const wasmPath = path.join(
      path.dirname(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg")),
      "schema_engine_bg.wasm",
    );
    const { instance } = await WebAssembly.instantiate(await readFile(wasmPath), {
      "./schema_engine_bg.js": engineBindings as unknown as WebAssembly.ModuleImports,
    });
    engineBindings.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
  })();
  return instantiated;
}

// libsql's executeRaw runs only the first statement of a multi-statement string, so replaying
// a migration on the shadow database silently drops the rest; executeScript runs them all.
function runWholeScripts(adapter: SqlDriverAdapter): SqlDriverAdapter {
  return new Proxy(adapter, {
    get(target, key, receiver) {
      if (key === "executeRaw") {
        return async (query: Parameters<SqlDriverAdapter["executeRaw"]>[0]) => {
          if (query.args.length > 0) return target.executeRaw(query);
          await target.executeScript(query.sql);
          return 0;
        };
      }
      const value: unknown = Reflect.get(target, key, receiver);
      return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

// adapter-pg refuses pg_catalog's "char" (18) and name (19) columns that introspection reads
// (prisma/prisma#27403); both arrive as plain strings, so calling them text is accurate.
let pgCatalogTypesPatched = false;
function reportCatalogTypesAsText(adapter: SqlDriverAdapter): void {
  if (pgCatalogTypesPatched) return;
  const queryable = Object.getPrototypeOf(Object.getPrototypeOf(adapter)) as {
    performIO: (query: unknown) => Promise<{ fields: { dataTypeID: number }[] }>;
  };
  const performIO = queryable.performIO;
  queryable.performIO = async function (this: unknown, query: unknown) {
    const result = await performIO.call(this, query);
    for (const field of result?.fields ?? []) {
      if (field.dataTypeID === 18 || field.dataTypeID === 19) field.dataTypeID = 25;
    }
    return result;
  };
  pgCatalogTypesPatched = true;
}

interface TemporaryDatabases {
  factory: SqlMigrationAwareDriverAdapterFactory;
  cleanup(): Promise<void>;
}

async function temporarySqlite(): Promise<TemporaryDatabases> {
  const dir = await mkdtemp(path.join(tmpdir(), "liveline-schema-engine-"));
  const open = async (file: string) =>
    runWholeScripts(await new PrismaLibSql({ url: `file:${path.join(dir, file)}` }).connect());
  return {
    factory: {
      provider: "sqlite",
      adapterName: "@prisma/adapter-libsql",
      connect: () => open("main.db"),
      connectToShadowDb: () => open("shadow.db"),
    },
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
}

export function postgresAdminUrl(): string {
  return process.env.MIGRATE_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/test";
}

// PrismaPg's own shadow database ignores `database` when given a connection string (so the
// "shadow" is the main database) and drops it while its pool is still open; hence our own.
async function temporaryPostgres(): Promise<TemporaryDatabases> {
  const adminUrl = postgresAdminUrl();
  const created: string[] = [];
  const adapters: SqlDriverAdapter[] = [];
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  const open = async (): Promise<SqlDriverAdapter> => {
    const name = `liveline_shadow_${randomUUID().replaceAll("-", "")}`;
    await admin.query(`CREATE DATABASE "${name}"`);
    created.push(name);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    const adapter = await new PrismaPg({ connectionString: url.toString() }).connect();
    reportCatalogTypesAsText(adapter);
    adapters.push(adapter);
    return adapter;
  };
  return {
    factory: {
      provider: "postgres",
      adapterName: "@prisma/adapter-pg",
      connect: open,
      connectToShadowDb: open,
    },
    async cleanup() {
      try {
        await Promise.allSettled(adapters.map((adapter) => adapter.dispose()));
        for (const name of created) await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await admin.end();
      }
    },
  };
}

export interface SchemaFile {
  path: string;
  content: string;
}

// Runs `work` with an engine whose main and shadow databases are throwaway ones.
export async function withSchemaEngine<T>(
  provider: Provider,
  schemaFiles: SchemaFile[],
  work: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  await instantiateEngine();
  const databases = provider === "sqlite" ? await temporarySqlite() : await temporaryPostgres();
  try {
    const engine = await engineBindings.SchemaEngine.new(
      { datamodels: schemaFiles.map((file): [string, string] => [file.path, file.content]) },
      (log: string) => {
        if (process.env.DEBUG_SCHEMA_ENGINE) console.error(log);
      },
      bindMigrationAwareSqlAdapterFactory(databases.factory),
    );
    try {
      return await work(engine);
    } finally {
      engine.free();
    }
  } finally {
    await databases.cleanup();
  }
}
