// Class names shared by the newsroom panel's controls, so every button and field looks and focuses alike.
const focus = "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600";

export const buttonStyles = {
  primary: `inline-flex items-center justify-center rounded bg-neutral-900 px-3 py-1.5 text-sm font-semibold text-white hover:bg-neutral-700 disabled:opacity-50 dark:bg-neutral-100 dark:text-neutral-900 dark:hover:bg-neutral-300 ${focus}`,
  secondary: `inline-flex items-center justify-center rounded border border-neutral-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-neutral-100 disabled:opacity-50 dark:border-neutral-700 dark:bg-neutral-900 dark:hover:bg-neutral-800 ${focus}`,
  danger: `inline-flex items-center justify-center rounded bg-red-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-red-800 disabled:opacity-50 ${focus}`,
  link: `font-medium text-blue-700 underline-offset-2 hover:underline dark:text-blue-400 ${focus}`,
} as const;

export const inputStyles = `block w-full rounded border disabled:opacity-60 border-neutral-300 bg-white px-2 py-1.5 text-sm aria-[invalid=true]:border-red-600 dark:border-neutral-700 dark:bg-neutral-900 ${focus}`;

export const labelStyles =
  "mb-1 block text-xs font-semibold uppercase tracking-wide text-neutral-600 dark:text-neutral-400";
