import { readFile } from "node:fs/promises";
import path from "node:path";
import { withSchemaEngine } from "./.exp-schema-engine.ts";
import { readMigrations, migrationsDirOf, type Provider } from "../server/db/migrate.ts";
const provider = process.argv[2] as Provider; const action = process.argv[3];
const dir = path.join("prisma", provider);
const files = await Promise.all(["schema.prisma","models.prisma"].map(async f => ({ path: path.resolve(dir, f), content: await readFile(path.join(dir, f), "utf8") })));
const migs = await readMigrations(provider);
const list = { baseDir: migrationsDirOf(provider), lockfile: { path: "migration_lock.toml", content: await readFile(path.join(migrationsDirOf(provider), "migration_lock.toml"), "utf8") }, shadowDbInitScript: "", migrationDirectories: migs.map(m => ({ path: m.name, migrationFile: { path: "migration.sql", content: { tag: "ok" as const, value: m.script } } })) };
const filters = { externalTables: [], externalEnums: [] };
const t0 = Date.now();
await withSchemaEngine(provider, files, async (engine) => {
  if (action === "apply") console.log(await engine.applyMigrations({ migrationsList: list, filters }));
  if (action === "check") {
    console.log(JSON.stringify(await engine.diagnoseMigrationHistory({ migrationsList: list, optInToShadowDatabase: false, filters })));
    console.log(JSON.stringify(await engine.diff({ from: { tag: "schemaDatasource", files, configDir: process.cwd() }, to: { tag: "schemaDatamodel", files }, script: true, exitCode: true, filters })));
  }
});
console.log("ms", Date.now() - t0);
