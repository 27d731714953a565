import { migrateDatabase } from "../server/db/migrate.ts";
const t0 = performance.now();
const r = await migrateDatabase(process.argv[2]!);
console.log(r, Math.round(performance.now() - t0), "ms");
