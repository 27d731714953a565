/** A form's answer from the server, kept in state until the next attempt. */
export type Notice = { tone: "error" | "success"; message: string };

// A form's answer from the server, announced to screen readers when it appears.
export function FormAlert({ message, tone = "error" }: { message: string | null; tone?: Notice["tone"] }) {
  if (!message) return null;
  const colours =
    tone === "error"
      ? "border-red-300 bg-red-50 text-red-800 dark:border-red-800 dark:bg-red-950 dark:text-red-200"
      : "border-green-300 bg-green-50 text-green-800 dark:border-green-800 dark:bg-green-950 dark:text-green-200";
  return (
    <p role={tone === "error" ? "alert" : "status"} className={`rounded border px-3 py-2 text-sm ${colours}`}>
      {message}
    </p>
  );
}
