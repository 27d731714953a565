import type { ReactNode } from "react";

const PANEL_STYLES = "rounded border border-neutral-200 bg-white p-4 dark:border-neutral-800 dark:bg-neutral-900";

/** A boxed part of a newsroom page (a create form, a blog's details or status): a section named by its heading. */
export function Panel({
  headingId,
  heading,
  className,
  children,
}: {
  headingId: string;
  heading: ReactNode;
  className?: string;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={headingId} className={className ? `${className} ${PANEL_STYLES}` : PANEL_STYLES}>
      <h2 id={headingId} className="mb-3 text-base font-bold">
        {heading}
      </h2>
      {children}
    </section>
  );
}
