// Paths of the public pages, shared by server and browser (no Node APIs): a share button, the feed,
// the JSON-LD and the embed snippet all name an entry the same way.

/** The reader page of a blog: /live/{slug}. */
export function blogPathOf(slug: string): string {
  return `/live/${encodeURIComponent(slug)}`;
}

/** An entry's own address: /live/{slug}/entries/{id}. Relative; make it absolute with `absoluteUrl`. */
export function permalinkOf(slug: string, id: string): string {
  return `${blogPathOf(slug)}/entries/${encodeURIComponent(id)}`;
}

/** The blog's Atom feed. */
export function feedPathOf(slug: string): string {
  return `${blogPathOf(slug)}/feed.xml`;
}

/** The minimal-chrome page other sites put in an iframe. */
export function embedPathOf(slug: string): string {
  return `/embed/${encodeURIComponent(slug)}`;
}

/** `path` on `origin` (an origin has no trailing slash: "https://news.example"). */
export function absoluteUrl(origin: string, path: string): string {
  return new URL(path, `${origin}/`).toString();
}
