import type { Metadata } from "next";
import { AdminHeader } from "@/components/admin/AdminHeader";
import { currentActor } from "@/server/auth/current-actor";
import { getPublisher } from "@/server/reader/publisher";

export async function generateMetadata(): Promise<Metadata> {
  const { name } = await getPublisher();
  return { title: { default: "Newsroom", template: `%s · ${name} Newsroom` }, robots: { index: false } };
}

// Every newsroom page depends on who is signed in.
export const dynamic = "force-dynamic";

export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  // The header only shows who is signed in; each page checks access itself (layouts do not re-run on navigation).
  const [actor, publisher] = await Promise.all([currentActor(), getPublisher()]);
  return (
    <div className="min-h-screen bg-neutral-50 text-sm dark:bg-neutral-950">
      <AdminHeader actor={actor} publisherName={publisher.name} />
      <main className="mx-auto max-w-6xl px-4 py-6">{children}</main>
    </div>
  );
}
