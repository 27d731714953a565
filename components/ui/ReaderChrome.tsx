import Link from "next/link";
import type { PublisherDTO } from "@/common/contracts/dto";

/**
 * The reader-facing frame: the publisher's logo and name on top, one readable column. A page that brings a side
 * column (a live blog's key events, marked `data-reader-wide`) gets a wider frame from `lg` on.
 */
export function ReaderChrome({ publisher, children }: { publisher: PublisherDTO; children: React.ReactNode }) {
  return (
    <>
      <div className="border-b border-neutral-200 dark:border-neutral-800">
        <nav
          aria-label="Site"
          className="mx-auto flex max-w-3xl items-center lg:[body:has([data-reader-wide])_&]:max-w-5xl justify-between px-4 py-3"
        >
          <Link
            href="/"
            data-testid="publisher-home"
            className="flex items-center gap-2 text-lg font-black tracking-tight focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent"
          >
            {publisher.logoUrl && (
              // A logo of any shape, at the header's height: width follows its own aspect ratio. Its text
              // alternative is the name beside it, so it is decorative here.
              <img src={publisher.logoUrl} alt="" height={32} className="h-8 w-auto" />
            )}
            <span>{publisher.name}</span>
          </Link>
        </nav>
      </div>
      <main className="mx-auto max-w-3xl px-4 py-4 sm:py-6 lg:has-[[data-reader-wide]]:max-w-5xl">{children}</main>
    </>
  );
}
