// Sign-in throttling against a burst of parallel guesses, the way a password-guessing script sends them:
// the limits must bound the password checks, not just the failures counted once each check has finished.
// A guess that gets past the limits is answered 401 (its password was checked); every other one 429.
// On one node (counts in memory) and, when DATABASE_URL is PostgreSQL, on two nodes counting in Redis.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  apiClient,
  deleteRedisKeys,
  spawnServer,
  startTestServer,
  type SpawnedServer,
  type TestServer,
} from "./harness";

const postgres = /^postgres(ql)?:\/\//.test(process.env.DATABASE_URL ?? "");
const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
if (!postgres)
  console.log("[sign-in races] Redis case skipped: several nodes need PostgreSQL (set DATABASE_URL=postgresql://…)");

const PER_EMAIL = 5;
const PER_ADDRESS = 20;
// TRUST_PROXY=1: each request names its client address in X-Forwarded-For, as a proxy in front would.
const LIMITS = {
  TRUST_PROXY: "1",
  LOGIN_MAX_FAILURES_PER_EMAIL: String(PER_EMAIL),
  LOGIN_MAX_FAILURES_PER_IP: String(PER_ADDRESS),
};

let nextAddress = 1;
const freshAddress = () => `198.51.100.${nextAddress++}`;

/** POST /api/auth/login on one of `nodes` (taking turns), from `address`; answers the status. */
function signIn(nodes: string[], i: number, address: string, email: string, password: string): Promise<number> {
  const node = nodes[i % nodes.length]!;
  return apiClient(node)("POST", "/api/auth/login", { email, password }, { "x-forwarded-for": address }).then(
    (answer) => answer.status,
  );
}

// Each test waits for up to 60 password checks (bcrypt, on purpose slow): room for a busy machine.
const BCRYPT_BOUND_MS = 120_000;

const tally = (statuses: number[]) =>
  statuses.reduce<Record<number, number>>((counts, s) => ({ ...counts, [s]: (counts[s] ?? 0) + 1 }), {});

function races(setup: () => { server: TestServer; nodes: string[] }) {
  it(
    `100 parallel wrong passwords for one account, each from another address: exactly ${PER_EMAIL} are checked, 95 get 429`,
    { timeout: BCRYPT_BOUND_MS },
    async () => {
      const { server, nodes } = setup();
      const { email, password } = server.users.journalist;
      const statuses = await Promise.all(
        Array.from({ length: 100 }, (_, i) => signIn(nodes, i, freshAddress(), email, `wrong-${i}`)),
      );
      expect(tally(statuses)).toEqual({ 401: PER_EMAIL, 429: 100 - PER_EMAIL });
      // The account is locked for the window, right password or not.
      expect(await signIn(nodes, 0, freshAddress(), email, password)).toBe(429);
    },
  );

  it(
    `100 parallel wrong sign-ins from one address, each for another account: exactly ${PER_ADDRESS} are checked, 80 get 429`,
    { timeout: BCRYPT_BOUND_MS },
    async () => {
      const { server, nodes } = setup();
      const address = freshAddress();
      const statuses = await Promise.all(
        Array.from({ length: 100 }, (_, i) => signIn(nodes, i, address, `guess-${i}@example.org`, "password")),
      );
      expect(tally(statuses)).toEqual({ 401: PER_ADDRESS, 429: 100 - PER_ADDRESS });
      const { email, password } = server.users.editor;
      expect(await signIn(nodes, 1, address, email, password)).toBe(429);
      expect(await signIn(nodes, 1, freshAddress(), email, password)).toBe(200);
    },
  );

  it(
    "a newsroom behind one address signing in 30 times is not locked out by its successes, and failures keep their full allowance",
    { timeout: BCRYPT_BOUND_MS },
    async () => {
      const { server, nodes } = setup();
      const address = freshAddress();
      const people = [server.users.admin, server.users.editor, server.users.journalist2];
      // Ten at a time, as a morning shift arriving: never more checks in flight than the address's allowance.
      for (let batch = 0; batch < 3; batch++) {
        const statuses = await Promise.all(
          Array.from({ length: 10 }, (_, i) => {
            const person = people[i % people.length]!;
            return signIn(nodes, i, address, person.email, person.password);
          }),
        );
        expect(statuses).toEqual(Array(10).fill(200));
      }
      const failures = await Promise.all(
        Array.from({ length: PER_ADDRESS + 10 }, (_, i) => signIn(nodes, i, address, `typo-${i}@example.org`, "x")),
      );
      expect(tally(failures)).toEqual({ 401: PER_ADDRESS, 429: 10 });
    },
  );
}

describe("on one node (counts in memory)", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ env: LIMITS });
  });
  afterAll(async () => {
    await server?.dispose();
  });
  races(() => ({ server, nodes: [server.url] }));
});

describe.skipIf(!postgres)("on two nodes counting in Redis", () => {
  // Keys of its own, so parallel runs and other tests never share counts.
  const prefix = `liveline-test-${randomBytes(4).toString("hex")}`;
  let a: TestServer;
  let b: SpawnedServer;
  beforeAll(async () => {
    const env = { ...LIMITS, REDIS_URL, REDIS_PREFIX: prefix };
    a = await startTestServer({ env });
    b = await spawnServer(a.databaseUrl, env);
  });
  afterAll(async () => {
    await b?.stop();
    await a?.dispose();
    await deleteRedisKeys(REDIS_URL, prefix);
  });
  races(() => ({ server: a, nodes: [a.url, b.url] }));
});
