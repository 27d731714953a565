import type { Metadata } from "next";
import { TokensManager } from "@/components/admin/TokensManager";
import { requirePageActor } from "@/server/auth/current-actor";
import { listApiTokens } from "@/server/db/tokens";
import { listUsers } from "@/server/db/users";
import { getRuntime } from "@/server/runtime";

export const metadata: Metadata = { title: "API tokens" };

export default async function TokensPage() {
  const actor = await requirePageActor("/admin/tokens", ["ADMIN"]);
  const { db } = getRuntime();
  const [tokens, users] = await Promise.all([listApiTokens(db, actor), listUsers(db, actor)]);
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-xl font-bold">API tokens</h1>
        <p className="text-neutral-600 dark:text-neutral-400">
          For scripts and wire feeds: send <code className="font-mono">Authorization: Bearer ll_…</code>. A token acts
          as its user, with that user&apos;s role.
        </p>
      </div>
      <TokensManager initial={tokens} users={users} selfId={actor.id} />
    </div>
  );
}
