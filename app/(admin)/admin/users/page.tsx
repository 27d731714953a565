import type { Metadata } from "next";
import { UsersManager } from "@/components/admin/UsersManager";
import { requirePageActor } from "@/server/auth/current-actor";
import { listUsers } from "@/server/db/users";
import { getRuntime } from "@/server/runtime";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  const actor = await requirePageActor("/admin/users", ["ADMIN"]);
  const users = await listUsers(getRuntime().db, actor);
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-bold">Users</h1>
      <UsersManager initial={users} selfId={actor.id} />
    </div>
  );
}
