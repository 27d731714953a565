import type { Metadata } from "next";
import Link from "next/link";
import { LiveBlogTable } from "@/components/admin/LiveBlogTable";
import { FormAlert } from "@/components/admin/FormAlert";
import { buttonStyles } from "@/components/admin/styles";
import { can } from "@/common/permissions";
import { requirePageActor } from "@/server/auth/current-actor";
import { listNewsroomBlogs } from "@/server/db/blogs";
import { getRuntime } from "@/server/runtime";

export const metadata: Metadata = { title: "Dashboard" };

type Props = { searchParams: Promise<{ denied?: string }> };

export default async function DashboardPage({ searchParams }: Props) {
  const actor = await requirePageActor("/admin");
  const { denied } = await searchParams;
  const blogs = await listNewsroomBlogs(getRuntime().db, actor);
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-xl font-bold">Live blogs</h1>
        {can(actor, "blog:create") && (
          <Link href="/admin/blogs/new" className={buttonStyles.primary}>
            New live blog
          </Link>
        )}
      </div>
      {denied && <FormAlert message="Your role does not give you access to that page." />}
      <LiveBlogTable initial={blogs} canEdit={can(actor, "blog:edit")} canAudit={can(actor, "audit:read")} />
    </div>
  );
}
