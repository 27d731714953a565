// Who else is in this blog's workspace right now, and whether they have an entry open.
import type { PresencePerson } from "@/common/contracts/events";

export function WhoIsHere({ others }: { others: readonly PresencePerson[] }) {
  if (others.length === 0) return null;
  return (
    <p
      data-testid="presence"
      className="flex flex-wrap items-center gap-1.5 text-xs text-neutral-700 dark:text-neutral-300"
    >
      <span>Also here:</span>
      {others.map((person) => (
        <span
          key={person.id}
          data-person={person.name}
          className="rounded-full bg-emerald-100 px-2 py-0.5 font-medium text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100"
        >
          {person.name}
          {person.editing.length > 0 && <span className="font-normal"> (editing)</span>}
        </span>
      ))}
    </p>
  );
}
