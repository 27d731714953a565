import type { Metadata, Viewport } from "next";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Liveline", template: "%s · Liveline" },
  description: "Live coverage as it happens.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

// Every page is rendered per request, the 404 page too: its scripts must carry the nonce of the response's
// Content-Security-Policy (server/http/security-headers.ts), and a page prerendered at build time has none.
export const dynamic = "force-dynamic";

// Only the document: readers and the newsroom each bring their own chrome ((reader)/layout.tsx, (admin)/…).
export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen bg-white text-neutral-900 antialiased dark:bg-neutral-950 dark:text-neutral-100">
        {children}
      </body>
    </html>
  );
}
