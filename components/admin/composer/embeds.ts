// What an "embed by URL" becomes in an entry body: a YouTube player, an X post card or a link card.
// These are the shapes the server's sanitizer keeps (see docs/api.md).
import { normalizeWebUrl } from "./link-rules";

export type Embed =
  { kind: "youtube"; url: string; videoId: string } | { kind: "x" | "link"; url: string; text: string };

const YOUTUBE_ID = /^[A-Za-z0-9_-]{11}$/;

function youtubeId(url: URL): string | null {
  const host = url.hostname.replace(/^(www|m|music)\./, "");
  let id: string | null = null;
  if (host === "youtu.be") id = url.pathname.slice(1).split("/")[0] ?? null;
  else if (host === "youtube.com" || host === "youtube-nocookie.com") {
    if (url.pathname === "/watch") id = url.searchParams.get("v");
    else {
      const match = /^\/(?:embed|shorts|live|v)\/([^/?#]+)/.exec(url.pathname);
      id = match?.[1] ?? null;
    }
  }
  return id && YOUTUBE_ID.test(id) ? id : null;
}

function isXPost(url: URL): boolean {
  const host = url.hostname.replace(/^(www|mobile)\./, "");
  return host === "x.com" || host === "twitter.com";
}

/**
 * The embed for a pasted address, or null when it is not an http(s) URL. `text` is what the card quotes
 * (the post's words, or a description of the page); without it the card shows the address itself.
 */
export function embedForUrl(input: string, text = ""): Embed | null {
  const url = normalizeWebUrl(input);
  if (!url) return null;
  const videoId = youtubeId(url);
  if (videoId) return { kind: "youtube", url: url.href, videoId };
  return { kind: isXPost(url) ? "x" : "link", url: url.href, text: text.trim() };
}

export function youtubeEmbedSrc(videoId: string): string {
  return `https://www.youtube-nocookie.com/embed/${videoId}`;
}

/** The words a card's link shows: "View post on X" or the page's host and path. */
export function cardLinkText(embed: { kind: "x" | "link"; url: string }): string {
  if (embed.kind === "x") return "View post on X";
  const url = new URL(embed.url);
  const path = url.pathname === "/" ? "" : url.pathname;
  return `${url.hostname.replace(/^www\./, "")}${path}`;
}
