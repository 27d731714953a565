import type { Metadata, Viewport } from "next";
import type { CSSProperties } from "react";
import { PublisherProvider } from "@/components/ui/publisher-context";
import { getPublisher } from "@/server/reader/publisher";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const { name } = await getPublisher();
  return {
    title: { default: name, template: `%s · ${name}` },
    description: "Live coverage as it happens.",
  };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

// Every page is rendered per request, the 404 page too: its scripts must carry the nonce of the response's
// Content-Security-Policy (server/http/security-headers.ts), and a page prerendered at build time has none.
export const dynamic = "force-dynamic";

// Only the document: readers and the newsroom each bring their own chrome ((reader)/layout.tsx, (admin)/…).
// The publisher's accent is a custom property every reader link, button and live badge takes (globals.css:
// `--color-accent`); a style attribute, which the CSP allows, where a <style> element would need the nonce.
export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const publisher = await getPublisher();
  return (
    <html lang={publisher.locale} style={{ "--accent": publisher.accentColor } as CSSProperties}>
      <body className="min-h-screen bg-white text-neutral-900 antialiased dark:bg-neutral-950 dark:text-neutral-100">
        <PublisherProvider publisher={publisher}>{children}</PublisherProvider>
      </body>
    </html>
  );
}
