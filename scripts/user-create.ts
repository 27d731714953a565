// `npm run user:create -- --email … --role ADMIN|EDITOR|JOURNALIST|CONTRIBUTOR --password … [--name …]`
import { parseArgs } from "node:util";
import { loadConfig } from "../server/config";
import { createUserSchema, describeZodError } from "@/common/contracts/schemas";
import { createDb } from "../server/db/client";
import { applyMigrations } from "../server/db/apply-migrations";
import { insertUser } from "../server/db/users";

const { values } = parseArgs({
  options: {
    email: { type: "string" },
    role: { type: "string" },
    password: { type: "string" },
    name: { type: "string" },
  },
});

const parsed = createUserSchema.safeParse({
  email: values.email,
  role: values.role?.toUpperCase(),
  password: values.password,
  ...(values.name ? { displayName: values.name } : {}),
});
if (!parsed.success) {
  console.error(`user:create: ${describeZodError(parsed.error)}`);
  console.error(
    "usage: npm run user:create -- --email you@example.org --role EDITOR --password '…' [--name 'Your Name']",
  );
  process.exit(2);
}

const config = loadConfig();
await applyMigrations(config.databaseUrl);
const database = createDb(config.databaseUrl);
try {
  const user = await insertUser(database.prisma, parsed.data);
  console.log(`created ${user.role.toLowerCase()} ${user.email} (${user.displayName}), id ${user.id}`);
} catch (error) {
  console.error(`user:create: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await database.close();
}
