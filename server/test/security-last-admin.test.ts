// Two admins who demote or deactivate each other at the same moment, with truly parallel requests:
// one of them wins, and the site is never left without an active admin. Ten rounds, each with a fresh
// pair of admins who are the only active ones.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertApiToken } from "../db/tokens";
import { insertUser } from "../db/users";
import { startTestServer, type TestServer } from "./harness";
import { sendTogether } from "./last-byte-sync";

let server: TestServer;

beforeAll(async () => {
  // No write limit: every round's requests must reach the users code.
  server = await startTestServer({ env: { WRITE_RATE_PER_MINUTE: "0" } });
});

afterAll(async () => {
  await server?.dispose();
});

type Change = { role: "EDITOR" } | { active: false };
const DEMOTE: Change = { role: "EDITOR" };
const DEACTIVATE: Change = { active: false };

/** Two new admins with fresh tokens, made the only active ones (the operator's own doing, straight in the database). */
async function onlyAdminPair(round: number) {
  const db = server.db.prisma;
  const pair: { id: string; token: string; tokenId: string }[] = [];
  for (const name of ["p", "q"]) {
    const user = await insertUser(db, {
      email: `${name}${round}@race.test`,
      role: "ADMIN",
      password: "a long password",
    });
    const { token, apiToken } = await insertApiToken(db, user.id, "race");
    pair.push({ id: user.id, token, tokenId: apiToken.id });
  }
  await db.user.updateMany({ where: { role: "ADMIN", id: { notIn: pair.map((p) => p.id) } }, data: { active: false } });
  return pair as [(typeof pair)[0], (typeof pair)[0]];
}

describe("the last active admin", () => {
  // Ten rounds of two new users (bcrypt) and two held requests: longer than one request on a busy machine.
  it(
    "survives two admins removing each other at the same moment, ten rounds: exactly one wins, the other is refused",
    { timeout: 120_000 },
    async () => {
      for (let round = 0; round < 10; round++) {
        const [p, q] = await onlyAdminPair(round);
        const [pChange, qChange] = (
          [
            [DEMOTE, DEMOTE],
            [DEACTIVATE, DEACTIVATE],
            [DEMOTE, DEACTIVATE],
          ] as const
        )[round % 3]!;
        const patch = (by: typeof p, target: typeof p, change: Change) => ({
          method: "PATCH",
          url: `${server.url}/api/users/${target.id}`,
          headers: { authorization: `Bearer ${by.token}`, "content-type": "application/json" },
          body: JSON.stringify(change),
        });
        // Both requests are authorized (a fresh token's first use stamps lastUsedAt) before either body arrives,
        // so both reach updateUser as admins: only the check inside its transaction can stop the second.
        const authorized = async () =>
          (await server.db.prisma.apiToken.count({
            where: { id: { in: [p.tokenId, q.tokenId] }, lastUsedAt: { not: null } },
          })) === 2;
        const answers = await sendTogether([patch(p, q, pChange), patch(q, p, qChange)], authorized);
        const described = `round ${round}: ${JSON.stringify(answers.map((a) => [a.status, a.body]))}`;
        // The loser is stopped by the admin rule (409) or, when the winner committed before the loser's
        // credential was checked again with its body (server/auth/authenticate.ts), as no longer an admin
        // (403 demoted, 401 deactivated). Never two successes; always one active admin left.
        expect(
          answers.filter((a) => a.status === 200),
          described,
        ).toHaveLength(1);
        const loser = answers.find((a) => a.status !== 200)!;
        expect([401, 403, 409], described).toContain(loser.status);
        if (loser.status === 409) {
          expect(loser.body, described).toEqual({
            error: "this would leave no active admin; make another user an admin first",
            code: "CONFLICT",
          });
        }
        expect(await server.db.prisma.user.count({ where: { role: "ADMIN", active: true } }), described).toBe(1);
      }
    },
  );
});
