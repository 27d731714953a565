import Link from "next/link";
import { ReaderChrome } from "@/components/ui/ReaderChrome";
import { getPublisher } from "@/server/reader/publisher";

export default async function NotFound() {
  return (
    <ReaderChrome publisher={await getPublisher()}>
      <div className="py-16 text-center">
        <h1 className="mb-2 text-3xl font-extrabold">Page not found</h1>
        <p className="mb-6 text-neutral-600 dark:text-neutral-400">There is no live blog or page at this address.</p>
        <Link href="/" className="font-medium text-accent underline dark:text-accent-light">
          See all live coverage
        </Link>
      </div>
    </ReaderChrome>
  );
}
