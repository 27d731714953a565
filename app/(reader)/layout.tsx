import { ReaderChrome } from "@/components/ui/ReaderChrome";

export default function ReaderLayout({ children }: { children: React.ReactNode }) {
  return <ReaderChrome>{children}</ReaderChrome>;
}
