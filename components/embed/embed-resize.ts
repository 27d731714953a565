// How the embed tells the page that frames it how tall its content is: on load and on every change (a new
// update, an image loading). public/embed.js, on the host page, sets the iframe's height from it, and asks
// again with "liveline:measure" when it starts after the frame has loaded.

/** The message an embed sends its host page. */
export interface EmbedResizeMessage {
  type: "liveline:resize";
  slug: string;
  height: number;
}

export function postHeight(slug: string): void {
  if (window.parent === window) return;
  let last = -1;
  const post = () => {
    const height = Math.ceil(document.body.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    const message: EmbedResizeMessage = { type: "liveline:resize", slug, height };
    // Only a height and a slug, nothing private: any host may read it.
    window.parent.postMessage(message, "*");
  };
  new ResizeObserver(post).observe(document.body);
  window.addEventListener("message", (event: MessageEvent) => {
    if (event.source === window.parent && (event.data as { type?: unknown } | null)?.type === "liveline:measure") {
      last = -1;
      post();
    }
  });
  post();
}
