// Users: creation (CLI, admin API, demo) and the password check at login.
import bcrypt from "bcryptjs";
import type { ContributorDTO, UserDTO } from "@/common/contracts/dto";
import type { CreateUserInput, UpdateUserInput } from "@/common/contracts/schemas";
import { requirePermission, type Actor } from "@/common/permissions";
import { AppError } from "@/common/app-error";
import { committed, type Committed, type Effect } from "../effects";
import { toUserDTO } from "./to-dto";
import type { Db, Tx, User } from "./types";
import { isUniqueViolation } from "./unique-violation";

const BCRYPT_COST = 10;
// Compared against when the email is unknown, so a wrong email costs as long as a wrong password.
const DUMMY_HASH = bcrypt.hashSync("liveline-timing-equalizer", BCRYPT_COST);

/** No permission check: for the CLI and first-start seeding, which run as the machine's owner. */
export async function insertUser(db: Db, input: CreateUserInput): Promise<UserDTO> {
  const passwordHash = await bcrypt.hash(input.password, BCRYPT_COST);
  try {
    const row = await db.user.create({
      data: {
        email: input.email,
        displayName: input.displayName ?? input.email.split("@")[0] ?? input.email,
        role: input.role,
        passwordHash,
      },
    });
    return toUserDTO(row);
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", `a user with email ${input.email} already exists`);
    throw error;
  }
}

export async function createUser(db: Db, actor: Actor | null, input: CreateUserInput): Promise<Committed<UserDTO>> {
  requirePermission(actor, "user:manage");
  const user = await insertUser(db, input);
  return committed(user, [{ type: "user-list-changed", userId: user.id }]);
}

export async function listUsers(db: Db, actor: Actor | null): Promise<UserDTO[]> {
  requirePermission(actor, "user:manage");
  const rows = await db.user.findMany({ orderBy: { createdAt: "asc" } });
  return rows.map(toUserDTO);
}

/**
 * Changes a user's name, role or active flag. Deactivating ends every session of theirs in the same
 * transaction; their API tokens stop working because each use checks `active`. Admins cannot
 * deactivate or demote themselves, and no change may leave the site without an active admin, so
 * there is always one left to undo a mistake (two admins demoting each other at once: one wins, the
 * other gets a 409). An inactive user's newsroom connections end (a user given another role too, to join again
 * under it), and as an author's name shows on every
 * blog they wrote in, every cached read is dropped.
 */
export async function updateUser(
  db: Db,
  actor: Actor | null,
  id: string,
  input: UpdateUserInput,
): Promise<Committed<UserDTO>> {
  const admin = requirePermission(actor, "user:manage");
  if (id === admin.id && input.active === false) {
    throw new AppError("CONFLICT", "you cannot deactivate yourself; ask another admin to do it");
  }
  if (id === admin.id && input.role !== undefined && input.role !== "ADMIN") {
    throw new AppError("CONFLICT", "you cannot take away your own admin role; ask another admin to do it");
  }
  const mayRemoveAnAdmin = input.role !== undefined || input.active !== undefined;
  const { user, roleChanged } = await db.$transaction(async (tx) => {
    if (mayRemoveAnAdmin) await takeAdminChangeLock(tx);
    const current = await tx.user.findUnique({ where: { id } });
    if (!current) throw new AppError("NOT_FOUND", `no user with id "${id}"`);
    const row = await tx.user.update({ where: { id }, data: input });
    if (input.active === false) await tx.session.deleteMany({ where: { userId: id } });
    if (
      isActiveAdmin(current) &&
      !isActiveAdmin(row) &&
      (await tx.user.count({ where: { role: "ADMIN", active: true } })) === 0
    ) {
      throw new AppError("CONFLICT", "this would leave no active admin; make another user an admin first");
    }
    return { user: toUserDTO(row), roleChanged: row.role !== current.role };
  });
  // A new role may no longer see what their live connections follow (the users list, an audit log): they end,
  // and what joins again is checked against the role as it now is.
  const effects: Effect[] = user.active && !roleChanged ? [] : [{ type: "disconnect-user", userId: user.id }];
  return committed(user, [...effects, { type: "drop-all-caches" }, { type: "user-list-changed", userId: user.id }]);
}

const isActiveAdmin = (user: User) => user.role === "ADMIN" && user.active;

/**
 * Every change that may take an admin away runs this first, so such changes take turns and each one
 * counts the admins the others left. Counting alone would not do: under PostgreSQL's READ COMMITTED
 * two transactions each count the other admin, and both commit. This UPDATE changes nothing, but it
 * row-locks the active admins, so a second transaction waits here until the first commits, and its
 * following statements see what the first committed. In SQLite it makes the transaction's first
 * statement a write, so it waits for the write lock under busy_timeout (503 past it, like any busy
 * write), instead of failing with SQLITE_BUSY when a read transaction tries to write later.
 */
async function takeAdminChangeLock(tx: Tx): Promise<void> {
  await tx.$executeRaw`UPDATE "User" SET "role" = "role" WHERE "role" = 'ADMIN' AND "active" = true`;
}

/** Everyone who may be named as an entry's author: active users, by name. */
export async function listContributors(db: Db, actor: Actor | null): Promise<ContributorDTO[]> {
  requirePermission(actor, "newsroom:read");
  const rows = await db.user.findMany({
    where: { active: true },
    orderBy: [{ displayName: "asc" }, { id: "asc" }],
    select: { id: true, displayName: true, role: true },
  });
  return rows.map((row) => ({ id: row.id, name: row.displayName, role: row.role }));
}

/** The user behind an email and password, or null. Inactive users cannot sign in. */
export async function verifyPassword(db: Db, email: string, password: string): Promise<User | null> {
  const user = await db.user.findUnique({ where: { email } });
  const ok = await bcrypt.compare(password, user?.passwordHash ?? DUMMY_HASH);
  return ok && user?.active ? user : null;
}

export async function getUser(db: Db, id: string): Promise<UserDTO> {
  const row = await db.user.findUnique({ where: { id } });
  if (!row) throw new AppError("NOT_FOUND", `no user with id "${id}"`);
  return toUserDTO(row);
}

export async function countUsers(db: Db): Promise<number> {
  return db.user.count();
}
