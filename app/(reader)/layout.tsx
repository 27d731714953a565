import { ReaderChrome } from "@/components/ui/ReaderChrome";
import { getPublisher } from "@/server/reader/publisher";

export default async function ReaderLayout({ children }: { children: React.ReactNode }) {
  return <ReaderChrome publisher={await getPublisher()}>{children}</ReaderChrome>;
}
