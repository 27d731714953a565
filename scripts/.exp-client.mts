import { migrateDatabase } from "../server/db/migrate.ts";
import { createDb } from "../server/db/client.ts";
const url = process.argv[2]!;
console.log(await migrateDatabase(url));
const db = createDb(url);
const u = await db.prisma.user.create({ data: { email: `a${Date.now()}@x`, displayName: "A", role: "ADMIN", passwordHash: "h" } });
const b = await db.prisma.blog.create({ data: { slug: `s${Date.now()}`, title: "T" } });
await db.prisma.entry.create({ data: { blogId: b.id, authorId: u.id, body: "hi" } });
console.log(db.provider, u.createdAt instanceof Date, await db.prisma.entry.count());
if (db.provider === "sqlite") {
  console.log(await db.prisma.$queryRawUnsafe("PRAGMA journal_mode"), await db.prisma.$queryRawUnsafe("PRAGMA busy_timeout"), await db.prisma.$queryRawUnsafe("PRAGMA foreign_keys"));
  await db.prisma.$transaction(async (tx) => { console.log("in tx", await tx.$queryRawUnsafe("PRAGMA foreign_keys"), await tx.$queryRawUnsafe("PRAGMA busy_timeout")); });
}
try { await db.prisma.entry.create({ data: { blogId: "nope", authorId: u.id, body: "x" } }); console.log("FK NOT ENFORCED"); } catch (e) { console.log("FK enforced:", (e as Error).constructor.name, (e as any).code); }
await db.prisma.blog.delete({ where: { id: b.id } });
console.log("after cascade", await db.prisma.entry.count({ where: { blogId: b.id } }));
await db.close();
