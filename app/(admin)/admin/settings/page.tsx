import type { Metadata } from "next";
import { PublisherSettingsForm } from "@/components/admin/PublisherSettingsForm";
import { requirePageActor } from "@/server/auth/current-actor";
import { getPublisher } from "@/server/reader/publisher";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  await requirePageActor("/admin/settings", ["ADMIN"]);
  // The zones this server accepts, offered as suggestions; listed here so the browser's own list (which may
  // differ) cannot make the server and browser renders disagree.
  const timeZones = Intl.supportedValuesOf("timeZone");
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-bold">Settings</h1>
      <p className="max-w-prose text-neutral-700 dark:text-neutral-300">
        How readers see the publisher on every live blog, feed and embed.
      </p>
      <PublisherSettingsForm initial={await getPublisher()} timeZones={timeZones} />
    </div>
  );
}
