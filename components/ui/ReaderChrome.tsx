import Link from "next/link";

/** The reader-facing frame: site name on top, one readable column. */
export function ReaderChrome({ children }: { children: React.ReactNode }) {
  return (
    <>
      <div className="border-b border-neutral-200 dark:border-neutral-800">
        <nav className="mx-auto flex max-w-3xl items-center justify-between px-4 py-3">
          <Link href="/" className="text-lg font-black tracking-tight">
            Liveline
          </Link>
        </nav>
      </div>
      <main className="mx-auto max-w-3xl px-4 py-6">{children}</main>
    </>
  );
}
