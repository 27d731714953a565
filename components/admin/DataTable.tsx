import type { ReactNode } from "react";

export type Column =
  | string
  | {
      label: string;
      /** Right-aligned, for counts. */ numeric?: boolean;
      /** Named for screen readers only (an actions column). */ hidden?: boolean;
    };

/**
 * The newsroom's lists (blogs, users, tokens, audit log) as one kind of table: it scrolls sideways on a
 * narrow screen, has a caption for screen readers and a header row of column headings; the rows are
 * children, each with its own cells.
 */
export function DataTable({ caption, columns, children }: { caption: string; columns: Column[]; children: ReactNode }) {
  return (
    <div className="overflow-x-auto rounded border border-neutral-200 bg-white dark:border-neutral-800 dark:bg-neutral-900">
      <table className="w-full border-collapse text-left">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-neutral-100 text-xs uppercase tracking-wide text-neutral-600 dark:bg-neutral-800 dark:text-neutral-400">
          <tr>
            {columns.map((column) => {
              const {
                label,
                numeric = false,
                hidden = false,
              } = typeof column === "string" ? { label: column } : column;
              return (
                <th key={label} scope="col" className={`px-3 py-2 ${numeric ? "text-right " : ""}font-semibold`}>
                  {hidden ? <span className="sr-only">{label}</span> : label}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody className="divide-y divide-neutral-200 dark:divide-neutral-800">{children}</tbody>
      </table>
    </div>
  );
}
