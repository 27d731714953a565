// Both generated clients have the same model API; the SQLite one names the type.
import type { Prisma, PrismaClient } from "./generated/sqlite/client.ts";

export type Db = PrismaClient;
export type Tx = Prisma.TransactionClient;
export type { AuditEvent, Blog, Entry, EntryCorrection, EntryRevision, User } from "./generated/sqlite/client.ts";
