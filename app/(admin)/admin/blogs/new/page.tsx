import type { Metadata } from "next";
import Link from "next/link";
import { NewBlogForm } from "@/components/admin/NewBlogForm";
import { requirePageActor } from "@/server/auth/current-actor";

export const metadata: Metadata = { title: "New live blog" };

export default async function NewBlogPage() {
  await requirePageActor("/admin/blogs/new", ["EDITOR", "ADMIN"]);
  return (
    <div className="space-y-4">
      <nav aria-label="Breadcrumb" className="text-neutral-600 dark:text-neutral-400">
        <Link href="/admin" className="hover:underline">
          Dashboard
        </Link>{" "}
        / New live blog
      </nav>
      <h1 className="text-xl font-bold">New live blog</h1>
      <NewBlogForm />
    </div>
  );
}
