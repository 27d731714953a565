// A slug from a title: "Storm Éowyn: live" -> "storm-eowyn-live". Always passes slugSchema or is empty.
const MAX = 80;

export function suggestSlug(title: string): string {
  const words = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return words.slice(0, MAX).replace(/-+$/, "");
}
