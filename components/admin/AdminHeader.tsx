import Link from "next/link";
import { can, type Actor } from "@/common/permissions";
import { AdminNav, type NavLink } from "./AdminNav";
import { ROLE_NAMES } from "./role-names";
import { SignOutButton } from "./SignOutButton";

/** The newsroom panel's top bar; without a signed-in user (the sign-in page) only the name. */
export function AdminHeader({ actor, publisherName }: { actor: Actor | null; publisherName: string }) {
  const links: NavLink[] = [{ href: "/admin", label: "Dashboard" }];
  if (can(actor, "user:manage")) links.push({ href: "/admin/users", label: "Users" });
  if (can(actor, "token:manage")) links.push({ href: "/admin/tokens", label: "API tokens" });
  if (can(actor, "publisher:edit")) links.push({ href: "/admin/settings", label: "Settings" });
  return (
    <header className="bg-neutral-900 text-neutral-100">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-2">
        <Link
          href="/admin"
          className="text-base font-black tracking-tight focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-white"
        >
          {publisherName} Newsroom
        </Link>
        {actor && (
          <>
            <AdminNav links={links} />
            <div className="ml-auto flex items-center gap-3 text-sm">
              <span className="text-neutral-300">
                Signed in as <strong className="font-semibold text-white">{actor.name}</strong> (
                {ROLE_NAMES[actor.role]})
              </span>
              <SignOutButton />
            </div>
          </>
        )}
      </div>
    </header>
  );
}
