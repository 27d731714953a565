import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/admin/LoginForm";
import { safeReturnPath } from "@/components/admin/return-path";
import { currentActor } from "@/server/auth/current-actor";

export const metadata: Metadata = { title: "Sign in" };

type Props = { searchParams: Promise<{ next?: string | string[] }> };

export default async function LoginPage({ searchParams }: Props) {
  const { next } = await searchParams;
  const returnTo = safeReturnPath(typeof next === "string" ? next : null);
  if (await currentActor()) redirect(returnTo);
  return (
    <div className="mx-auto mt-12 max-w-sm rounded-lg border border-neutral-200 bg-white p-6 shadow-sm dark:border-neutral-800 dark:bg-neutral-900">
      <h1 className="mb-1 text-xl font-bold">Sign in</h1>
      <p className="mb-5 text-neutral-600 dark:text-neutral-400">
        Newsroom staff only. Readers can follow coverage on the live pages.
      </p>
      <LoginForm next={returnTo} />
    </div>
  );
}
