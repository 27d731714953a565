// The process's limits for HTTP requests: sign-in throttling, anonymous API reads per address and writes
// per user. Built once at start from the config (server/index.ts) and reached through the runtime
// (`getRuntime().limits`), so every route counts in the same buckets.
import type { Limits } from "../config";
import { MemoryAttemptStore, type AttemptStore } from "./attempt-store";
import { CLIENT_ADDRESS_HEADER } from "./client-address";
import { TokenBuckets } from "./token-bucket";
import { TooManyRequestsError, waitPhrase } from "./too-many-requests";

export interface RequestLimits {
  login: LoginThrottle;
  /** Throws 429 when this address has used up its anonymous reads. */
  takeAnonymousRead(address: string): void;
  /** Throws 429 when this user has used up their writes. */
  takeWrite(userId: string): void;
}

/**
 * Sign-in throttling. Each password check is paid for before it runs, from both the address's and the
 * email's allowance; a wrong password keeps what it took (that is the count of failures), a right one
 * gives it back. See server/auth/sign-in.ts for the order.
 */
export interface LoginThrottle {
  /** Takes one attempt from the address's allowance; 429 when it has none left. */
  takeForAddress(address: string): Promise<void>;
  /** Takes one attempt from the email's allowance; 429 when it has none left. */
  takeForEmail(email: string): Promise<void>;
  /**
   * The password was right: the email's failures are cleared; the address only gets its attempt back
   * (one right password does not vouch for the others, and a newsroom behind one address is never
   * locked out by its own sign-ins).
   */
  succeeded(email: string, address: string): Promise<void>;
  /** No password was checked (a bad body, the email's allowance used up, the database away): give back what was taken. */
  giveBack(address: string, email: string | null): Promise<void>;
}

export function createRequestLimits(limits: Limits, store: AttemptStore = new MemoryAttemptStore()): RequestLimits {
  const reads = new TokenBuckets(limits.anonymousReads);
  const writes = new TokenBuckets({
    perMinute: limits.writesPerMinute,
    burst: Math.max(1, Math.round(limits.writesPerMinute)),
  });
  const { maxFailuresPerEmail, maxFailuresPerIp, windowMs } = limits.login;
  const emailKey = (email: string) => `login:email:${email}`;
  const addressKey = (address: string) => `login:ip:${address}`;

  const takeAttempt = async (key: string, max: number, refusal: string) => {
    if (max <= 0) return;
    const attempt = await store.take(key, max, windowMs);
    if (attempt.taken) return;
    const seconds = Math.max(1, Math.ceil((attempt.resetAt - Date.now()) / 1000));
    throw new TooManyRequestsError(`${refusal}; try again in ${waitPhrase(seconds)}`, seconds);
  };

  return {
    login: {
      takeForAddress: (address) =>
        takeAttempt(addressKey(address), maxFailuresPerIp, "too many failed sign-ins from your address"),
      takeForEmail: (email) =>
        takeAttempt(emailKey(email), maxFailuresPerEmail, "too many failed sign-ins for this account"),
      async succeeded(email, address) {
        await Promise.all([
          maxFailuresPerEmail > 0 ? store.reset(emailKey(email)) : null,
          maxFailuresPerIp > 0 ? store.giveBack(addressKey(address)) : null,
        ]);
      },
      async giveBack(address, email) {
        await Promise.all([
          email !== null && maxFailuresPerEmail > 0 ? store.giveBack(emailKey(email)) : null,
          maxFailuresPerIp > 0 ? store.giveBack(addressKey(address)) : null,
        ]);
      },
    },
    takeAnonymousRead(address) {
      const take = reads.take(address);
      if (!take.ok) {
        throw new TooManyRequestsError(
          `too many requests from your address; try again in ${waitPhrase(take.retryAfterSeconds)}`,
          take.retryAfterSeconds,
        );
      }
    },
    takeWrite(userId) {
      const take = writes.take(userId);
      if (!take.ok) {
        throw new TooManyRequestsError(
          `too many changes in a short time; try again in ${waitPhrase(take.retryAfterSeconds)}`,
          take.retryAfterSeconds,
        );
      }
    },
  };
}

/** The address server/index.ts found for this request ("unknown" outside the process, e.g. in unit tests). */
export function addressOf(request: Request): string {
  return request.headers.get(CLIENT_ADDRESS_HEADER) ?? "unknown";
}
