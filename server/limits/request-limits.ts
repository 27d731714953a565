// The process's limits for HTTP requests: sign-in throttling, anonymous API reads per address and writes
// per user. Built once from the config; kept in a globalThis slot because Next.js bundles its own copy of
// every module, and every route must count in the same buckets.
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

export interface LoginThrottle {
  /** Throws 429 while the address or the email has failed too often. */
  assertAllowed(email: string | null, address: string): Promise<void>;
  recordFailure(email: string, address: string): Promise<void>;
  /** A success clears the email's failures (not the address's: one right password does not vouch for the others). */
  recordSuccess(email: string): Promise<void>;
}

export function createRequestLimits(limits: Limits, store: AttemptStore = new MemoryAttemptStore()): RequestLimits {
  const reads = new TokenBuckets(limits.anonymousReads);
  const writes = new TokenBuckets({ perMinute: limits.writesPerMinute, burst: Math.max(1, Math.round(limits.writesPerMinute)) });
  const { maxFailuresPerEmail, maxFailuresPerIp, windowMs } = limits.login;
  const emailKey = (email: string) => `login:email:${email}`;
  const addressKey = (address: string) => `login:ip:${address}`;

  const blocked = async (key: string, max: number) => {
    if (max <= 0) return null;
    const attempts = await store.get(key);
    return attempts && attempts.count >= max ? Math.max(1, Math.ceil((attempts.resetAt - Date.now()) / 1000)) : null;
  };

  return {
    login: {
      async assertAllowed(email, address) {
        const byAddress = await blocked(addressKey(address), maxFailuresPerIp);
        if (byAddress !== null) {
          throw new TooManyRequestsError(`too many failed sign-ins from your address; try again in ${waitPhrase(byAddress)}`, byAddress);
        }
        const byEmail = email === null ? null : await blocked(emailKey(email), maxFailuresPerEmail);
        if (byEmail !== null) {
          throw new TooManyRequestsError(`too many failed sign-ins for this account; try again in ${waitPhrase(byEmail)}`, byEmail);
        }
      },
      async recordFailure(email, address) {
        await Promise.all([store.increment(emailKey(email), windowMs), store.increment(addressKey(address), windowMs)]);
      },
      async recordSuccess(email) {
        await store.reset(emailKey(email));
      },
    },
    takeAnonymousRead(address) {
      const take = reads.take(address);
      if (!take.ok) {
        throw new TooManyRequestsError(`too many requests from your address; try again in ${waitPhrase(take.retryAfterSeconds)}`, take.retryAfterSeconds);
      }
    },
    takeWrite(userId) {
      const take = writes.take(userId);
      if (!take.ok) {
        throw new TooManyRequestsError(`too many changes in a short time; try again in ${waitPhrase(take.retryAfterSeconds)}`, take.retryAfterSeconds);
      }
    },
  };
}

const SLOT = Symbol.for("liveline.requestLimits");
type Slot = { [SLOT]?: RequestLimits };

/** The process's limits, created from `limits` on first use. */
export function requestLimits(limits: Limits): RequestLimits {
  const slot = globalThis as Slot;
  return (slot[SLOT] ??= createRequestLimits(limits));
}

/** The address server/index.ts found for this request ("unknown" outside the process, e.g. in unit tests). */
export function addressOf(request: Request): string {
  return request.headers.get(CLIENT_ADDRESS_HEADER) ?? "unknown";
}

/** For a process that shares counts between nodes: install limits built on another AttemptStore before serving. */
export function installRequestLimits(limits: RequestLimits): void {
  (globalThis as Slot)[SLOT] = limits;
}
