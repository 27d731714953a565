// Signing in: the password checked under the sign-in limits (server/limits/request-limits.ts), then a new
// session in place of the one this browser had.
import "server-only";
import type { UserDTO } from "@/common/contracts/dto";
import type { LoginInput } from "@/common/contracts/schemas";
import { createSession, deleteSession } from "../db/sessions";
import { toUserDTO } from "../db/to-dto";
import { verifyPassword } from "../db/users";
import type { Db, User } from "../db/types";
import { AppError } from "@/common/app-error";
import { committed, type Committed } from "../effects";
import type { LoginThrottle } from "../limits/request-limits";

export interface SignInRequest {
  /** The client's address, whose attempts are counted before its body is even read. */
  address: string;
  /** Reads and validates the body (email and password); only called once the address may try. */
  readCredentials: () => Promise<LoginInput>;
  /** The session secret this browser sent, if any: it ends here. */
  previousSession: string | null;
  sessionTtlMs: number;
}

export interface SignedIn {
  user: UserDTO;
  /** The new session's secret (for the cookie; the database keeps its hash only) and when it ends. */
  session: { secret: string; expiresAt: Date };
}

/**
 * Signs a user in: 401 for wrong credentials, 429 past the limits. A new session every sign-in; the one this
 * browser had before (if any) ends, with its newsroom connections, so a session id planted before sign-in
 * (session fixation) or left from another user is worth nothing afterwards.
 */
export async function signIn(
  db: Db,
  throttle: LoginThrottle,
  { address, readCredentials, previousSession, sessionTtlMs }: SignInRequest,
): Promise<Committed<SignedIn>> {
  const user = await checkPassword(db, throttle, address, readCredentials);
  const session = await createSession(db, user.id, sessionTtlMs);
  // Ended once the new one exists: a failure in between leaves the browser signed in as it was, not half-way.
  const ended = previousSession ? await deleteSession(db, previousSession) : committed(undefined);
  return committed({ user: toUserDTO(user), session }, ended.effects);
}

/**
 * The user behind the credentials, or 401. Each password check takes its attempt from the address's and
 * the email's allowance before bcrypt runs, so a hundred parallel guesses get exactly as many checks as
 * the limits allow and the rest a 429. The address is checked before the body is even read: a locked-out
 * client learns nothing. Whatever happens before a password is checked gives the attempts back.
 */
async function checkPassword(
  db: Db,
  throttle: LoginThrottle,
  address: string,
  readCredentials: () => Promise<LoginInput>,
): Promise<User> {
  await throttle.takeForAddress(address);
  let email: string | null = null;
  let checked = false;
  try {
    const credentials = await readCredentials();
    await throttle.takeForEmail(credentials.email);
    email = credentials.email;
    const user = await verifyPassword(db, credentials.email, credentials.password);
    checked = true;
    // A wrong password keeps both attempts: they are its failures.
    if (!user) throw new AppError("UNAUTHENTICATED", "the email or password is wrong");
    await throttle.succeeded(credentials.email, address);
    return user;
  } catch (error) {
    if (!checked) await throttle.giveBack(address, email);
    throw error;
  }
}
