import { createClient } from "@libsql/client";
const c = createClient({ url: "file:/tmp/exp/fk.db", timeout: 5000 });
const tx = await c.transaction("write");
console.log("tx conn fk", (await tx.execute("PRAGMA foreign_keys")).rows, (await tx.execute("PRAGMA busy_timeout")).rows);
const r = await Promise.all([1,2,3].map(() => c.execute("PRAGMA foreign_keys")));
console.log("other conn fk", r.map(x => x.rows[0]), (await c.execute("PRAGMA busy_timeout")).rows, (await c.execute("PRAGMA journal_mode")).rows);
await tx.commit();
c.close();
