// Checking an email and password under the sign-in limits (server/limits/request-limits.ts).
import "server-only";
import type { LoginInput } from "@/common/contracts/schemas";
import { verifyPassword } from "../db/users";
import type { Db, User } from "../db/types";
import { AppError } from "@/common/app-error";
import type { LoginThrottle } from "../limits/request-limits";

/**
 * The user behind the credentials, or 401. Each password check takes its attempt from the address's and
 * the email's allowance before bcrypt runs, so a hundred parallel guesses get exactly as many checks as
 * the limits allow and the rest a 429. The address is checked before the body is even read: a locked-out
 * client learns nothing. Whatever happens before a password is checked gives the attempts back.
 */
export async function signIn(
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
