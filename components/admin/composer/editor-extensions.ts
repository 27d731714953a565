// The composer's TipTap schema: exactly what an entry body may hold (the server's allowlist), so whatever
// is typed or pasted is reduced to it, and an existing entry's HTML loads without losing anything.
import { TextSelection } from "@tiptap/pm/state";
import { generateHTML, generateJSON, Node, type Editor, type Extensions, type JSONContent } from "@tiptap/react";
import Image from "@tiptap/extension-image";
import Link from "@tiptap/extension-link";
import Placeholder from "@tiptap/extension-placeholder";
import StarterKit from "@tiptap/starter-kit";
import { cardLinkText, youtubeEmbedSrc } from "./embeds";
import { normalizeLinkUrl } from "./link-rules";

/** The attributes the server adds to every link; the composer adds them too so its preview is exact. */
const LINK_ATTRIBUTES = { rel: "noopener noreferrer nofollow", target: "_blank" };

/** `<figure><img src alt><figcaption>…</figcaption></figure>`: an uploaded photo with its alt text and caption. */
export const ImageFigure = Node.create({
  name: "imageFigure",
  group: "block",
  atom: true,
  draggable: true,
  addAttributes() {
    return { src: { default: "" }, alt: { default: "" }, caption: { default: "" } };
  },
  parseHTML() {
    return [
      {
        tag: "figure",
        // Above the card rule's default; a figure with an image and no data-embed is a photo.
        priority: 60,
        getAttrs: (element) => {
          if (element.hasAttribute("data-embed")) return false;
          const img = element.querySelector("img");
          if (!img?.getAttribute("src")) return false;
          return {
            src: img.getAttribute("src"),
            alt: img.getAttribute("alt") ?? "",
            caption: element.querySelector("figcaption")?.textContent?.trim() ?? "",
          };
        },
      },
    ];
  },
  renderHTML({ node }) {
    const { src, alt, caption } = node.attrs as { src: string; alt: string; caption: string };
    return caption ? ["figure", ["img", { src, alt }], ["figcaption", caption]] : ["figure", ["img", { src, alt }]];
  },
});

/** A YouTube player or an X / web link card, as the sanitizer allows them. */
export const Embed = Node.create({
  name: "embed",
  group: "block",
  atom: true,
  draggable: true,
  addAttributes() {
    return { kind: { default: "link" }, url: { default: "" }, text: { default: "" }, videoId: { default: "" } };
  },
  parseHTML() {
    return [
      {
        tag: "figure[data-embed]",
        getAttrs: (element) => {
          const kind = element.getAttribute("data-embed");
          const url = element.querySelector("figcaption a")?.getAttribute("href");
          if ((kind !== "x" && kind !== "link") || !url) return false;
          return { kind, url, text: element.querySelector("blockquote")?.textContent?.trim() ?? "" };
        },
      },
      {
        tag: "iframe[src]",
        getAttrs: (element) => {
          const match = /^https:\/\/www\.youtube-nocookie\.com\/embed\/([A-Za-z0-9_-]{11})/.exec(
            element.getAttribute("src") ?? "",
          );
          return match ? { kind: "youtube", videoId: match[1] } : false;
        },
      },
    ];
  },
  renderHTML({ node }) {
    const { kind, url, text, videoId } = node.attrs as { kind: string; url: string; text: string; videoId: string };
    if (kind === "youtube") {
      // The same attributes the sanitizer gives every YouTube frame, so the preview matches.
      return [
        "iframe",
        {
          src: youtubeEmbedSrc(videoId),
          title: "YouTube video",
          allowfullscreen: "",
          loading: "lazy",
          referrerpolicy: "strict-origin-when-cross-origin",
          sandbox: "allow-scripts allow-same-origin allow-presentation",
        },
      ];
    }
    const card = { kind: kind === "x" ? ("x" as const) : ("link" as const), url };
    return [
      "figure",
      { "data-embed": card.kind },
      ["blockquote", text || url],
      ["figcaption", ["a", { href: url, ...LINK_ATTRIBUTES }, cardLinkText(card)]],
    ];
  },
});

export function composerExtensions(placeholder: string): Extensions {
  return [
    StarterKit.configure({
      // The sanitizer keeps h2–h4 (the toolbar offers h3) and inline code, but no code blocks.
      heading: { levels: [2, 3, 4] },
      codeBlock: false,
      link: false,
    }),
    Link.configure({
      openOnClick: false,
      autolink: true,
      defaultProtocol: "https",
      protocols: ["mailto"],
      HTMLAttributes: LINK_ATTRIBUTES,
      // Pasted or typed javascript:, data: and friends never become links.
      isAllowedUri: (url) => normalizeLinkUrl(url) !== null && /^(https?:|mailto:)/i.test(url.trim()),
    }),
    // Bare <img> from entries written through the API, so editing them keeps the picture.
    Image.configure({ allowBase64: false, HTMLAttributes: {} }),
    ImageFigure,
    Embed,
    Placeholder.configure({ placeholder }),
  ];
}

/**
 * Inserts a picture or an embed at the cursor and puts the cursor in a paragraph after it, so typing
 * goes on below it and the next insert does not replace it (ProseMirror leaves the new node selected).
 */
export function insertBlock(editor: Editor, content: JSONContent): void {
  editor
    .chain()
    .focus()
    .insertContent(content)
    .command(({ tr }) => {
      const { selection } = tr;
      if (selection instanceof TextSelection && selection.$from.parent.isTextblock) return true;
      const after = selection.to;
      if (!tr.doc.resolve(after).nodeAfter?.isTextblock) tr.insert(after, tr.doc.type.schema.nodes.paragraph!.create());
      tr.setSelection(TextSelection.create(tr.doc, after + 1));
      return true;
    })
    .run();
}

/** The editor's HTML without the empty paragraphs the editor keeps at the end for the cursor. */
export function bodyHtml(editor: Editor): string {
  return editor.getHTML().replace(/(?:<p><\/p>)+$/, "");
}

/**
 * HTML as this editor would write it (the server's sanitized copy can differ in spelling only), so a merge
 * compares a colleague's body with ours block for block, not markup style for markup style.
 */
export function asEditorWrites(editor: Editor, html: string): string {
  const extensions = editor.extensionManager.extensions;
  return generateHTML(generateJSON(html, extensions), extensions).replace(/(?:<p><\/p>)+$/, "");
}
