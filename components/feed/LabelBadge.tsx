// An entry's label as every surface shows it (composer, newsroom stream, reader page): its name in white on the
// colour the blog's editors gave it, or on neutral grey when the label is no longer in the blog's list.
import { UNLISTED_LABEL_COLOUR } from "./label-colour";

export function LabelBadge({ name, colour }: { name: string; colour: string | null }) {
  return (
    <span
      data-testid="label-badge"
      data-colour={colour ?? UNLISTED_LABEL_COLOUR}
      style={{ backgroundColor: colour ?? UNLISTED_LABEL_COLOUR }}
      className="rounded px-1.5 py-0.5 text-xs font-semibold uppercase tracking-wide text-white"
    >
      {name}
    </span>
  );
}
