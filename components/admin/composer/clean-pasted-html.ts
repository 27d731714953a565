// Word and Google Docs paste HTML full of styles, classes, spans, Office tags and conditional comments.
// This keeps the formatting a writer meant (bold, italics, links, lists…) and drops the rest before TipTap
// parses it; TipTap's schema then drops any element the entry allowlist does not have.

/** Attributes kept per element; every other attribute (style, class, id, lang…) goes. */
const KEPT_ATTRIBUTES: Record<string, readonly string[]> = {
  a: ["href", "title"],
  img: ["src", "alt"],
  figure: ["data-embed"],
  iframe: ["src"],
};

/** Elements whose content is never text a writer meant to paste. */
const DROPPED = new Set(["style", "script", "meta", "link", "title", "xml", "o:p", "template"]);

function isBold(style: string): boolean {
  const weight = /font-weight\s*:\s*([a-z0-9]+)/i.exec(style)?.[1];
  return weight !== undefined && (weight === "bold" || weight === "bolder" || Number(weight) >= 600);
}

function isItalic(style: string): boolean {
  return /font-style\s*:\s*italic/i.test(style);
}

export function cleanPastedHtml(html: string): string {
  const doc = new DOMParser().parseFromString(html, "text/html");

  const comments = doc.createTreeWalker(doc.body, NodeFilter.SHOW_COMMENT);
  const toRemove: Node[] = [];
  while (comments.nextNode()) toRemove.push(comments.currentNode);
  toRemove.forEach((node) => node.parentNode?.removeChild(node));

  // Deepest first, so unwrapping a span never skips the elements inside it.
  for (const element of Array.from(doc.body.querySelectorAll("*")).reverse()) {
    const name = element.tagName.toLowerCase();
    const style = element.getAttribute("style") ?? "";
    // Word's list bullets and numbers are text in a span marked mso-list:Ignore; the list itself is lost anyway.
    if (DROPPED.has(name) || /mso-list\s*:\s*ignore/i.test(style)) {
      element.remove();
      continue;
    }
    if (name === "span" || name.includes(":") || (name === "b" && /font-weight\s*:\s*normal/i.test(style))) {
      // Google Docs marks bold and italics with styled spans; keep what they meant as real elements.
      let replacement: Node[] = Array.from(element.childNodes);
      if (name === "span" && isItalic(style)) {
        const em = doc.createElement("em");
        em.append(...replacement);
        replacement = [em];
      }
      if (name === "span" && isBold(style)) {
        const strong = doc.createElement("strong");
        strong.append(...replacement);
        replacement = [strong];
      }
      element.replaceWith(...replacement);
      continue;
    }
    const kept = KEPT_ATTRIBUTES[name] ?? [];
    for (const attribute of Array.from(element.attributes)) {
      if (!kept.includes(attribute.name)) element.removeAttribute(attribute.name);
    }
  }

  // Word writes empty paragraphs (<p class=MsoNormal><o:p>&nbsp;</o:p></p>) for spacing.
  for (const paragraph of Array.from(doc.body.querySelectorAll("p"))) {
    if (!paragraph.querySelector("img, iframe") && (paragraph.textContent ?? "").replace(/[\s\u00a0]/g, "") === "")
      paragraph.remove();
  }
  return doc.body.innerHTML;
}
