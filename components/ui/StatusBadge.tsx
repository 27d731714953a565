import type { BlogStatus } from "@/common/contracts/dto";

export function StatusBadge({ status }: { status: BlogStatus }) {
  return status === "LIVE" ? (
    <span className="inline-flex items-center gap-1.5 rounded bg-accent px-2 py-0.5 text-xs font-bold uppercase tracking-wider text-white">
      <span aria-hidden className="h-2 w-2 animate-pulse rounded-full bg-white" />
      Live
    </span>
  ) : (
    <span className="rounded bg-neutral-600 px-2 py-0.5 text-xs font-bold uppercase tracking-wider text-white">
      Ended
    </span>
  );
}
