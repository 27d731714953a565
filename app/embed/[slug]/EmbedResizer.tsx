"use client";
import { useEffect } from "react";

/** The message an embed sends its host page; public/embed.js sets the iframe's height from it. */
export interface EmbedResizeMessage {
  type: "liveline:resize";
  slug: string;
  height: number;
}

/**
 * Tells the page that frames this embed how tall its content is, on load and on every change (a new
 * entry, an image loading, "Load older"). The host script asks again with "liveline:measure" when it
 * starts after the frame has loaded.
 */
export function EmbedResizer({ slug }: { slug: string }) {
  useEffect(() => {
    if (window.parent === window) return;
    // The document is as tall as its content, not as the frame: otherwise it could never shrink.
    document.documentElement.style.height = "auto";
    document.body.style.minHeight = "0";
    let last = -1;
    const post = () => {
      const height = Math.ceil(document.body.getBoundingClientRect().height);
      if (height === last) return;
      last = height;
      const message: EmbedResizeMessage = { type: "liveline:resize", slug, height };
      // Only a height and a slug, nothing private: any host may read it.
      window.parent.postMessage(message, "*");
    };
    const observer = new ResizeObserver(post);
    observer.observe(document.body);
    const onMessage = (event: MessageEvent) => {
      if (event.source === window.parent && (event.data as { type?: unknown } | null)?.type === "liveline:measure") {
        last = -1;
        post();
      }
    };
    window.addEventListener("message", onMessage);
    post();
    return () => {
      observer.disconnect();
      window.removeEventListener("message", onMessage);
    };
  }, [slug]);
  return null;
}
