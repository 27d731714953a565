"use client";
// Formatting buttons for the composer. Each says what it does (aria-label) and whether it is on (aria-pressed).
import { useId, useState, type ReactNode } from "react";
import { useEditorState, type Editor } from "@tiptap/react";
import { inputStyles } from "@/components/admin/styles";
import { normalizeLinkUrl } from "./link-rules";

const toolButton =
  "inline-flex h-8 min-w-8 items-center justify-center rounded px-2 text-sm hover:bg-neutral-200 aria-pressed:bg-neutral-900 aria-pressed:text-white disabled:opacity-40 dark:hover:bg-neutral-800 dark:aria-pressed:bg-neutral-100 dark:aria-pressed:text-neutral-900 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-blue-600";

// Each name contains what the button shows (WCAG 2.5.3), so speech users can say what they see.
function ToolButton({
  label,
  pressed,
  onClick,
  children,
}: {
  label: string;
  pressed: boolean;
  onClick: () => void;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      aria-label={label}
      title={label}
      aria-pressed={pressed}
      // Keep the editor's selection: a mousedown on the button would otherwise blur it first.
      onMouseDown={(event) => event.preventDefault()}
      onClick={onClick}
      className={toolButton}
    >
      {children}
    </button>
  );
}

export function Toolbar({ editor, disabled }: { editor: Editor; disabled?: boolean }) {
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e.isActive("bold"),
      italic: e.isActive("italic"),
      link: e.isActive("link"),
      href: (e.getAttributes("link").href as string | undefined) ?? "",
      bulletList: e.isActive("bulletList"),
      orderedList: e.isActive("orderedList"),
      blockquote: e.isActive("blockquote"),
      subheading: e.isActive("heading", { level: 3 }),
    }),
  });
  const [linkOpen, setLinkOpen] = useState(false);
  const [linkValue, setLinkValue] = useState("");
  const [linkError, setLinkError] = useState<string | null>(null);
  const linkErrorId = useId();

  const openLink = () => {
    setLinkValue(state.href);
    setLinkError(null);
    setLinkOpen(true);
  };

  const applyLink = () => {
    const href = normalizeLinkUrl(linkValue);
    if (!href) return setLinkError("Use a web (http or https) or mailto address.");
    const chain = editor.chain().focus();
    if (editor.state.selection.empty && !state.link) {
      chain.insertContent({ type: "text", text: linkValue.trim(), marks: [{ type: "link", attrs: { href } }] }).run();
    } else {
      chain.extendMarkRange("link").setLink({ href }).run();
    }
    setLinkOpen(false);
  };

  const removeLink = () => {
    editor.chain().focus().extendMarkRange("link").unsetLink().run();
    setLinkOpen(false);
  };

  return (
    <div className="border-b border-neutral-200 dark:border-neutral-800">
      <div role="toolbar" aria-label="Formatting" aria-disabled={disabled} className="flex flex-wrap gap-1 p-1">
        <ToolButton label="Bold" pressed={state.bold} onClick={() => editor.chain().focus().toggleBold().run()}>
          <b>B</b>
        </ToolButton>
        <ToolButton label="Italic" pressed={state.italic} onClick={() => editor.chain().focus().toggleItalic().run()}>
          <i>I</i>
        </ToolButton>
        <ToolButton
          label="Link"
          pressed={state.link || linkOpen}
          onClick={() => (linkOpen ? setLinkOpen(false) : openLink())}
        >
          <span className="underline">Link</span>
        </ToolButton>
        <span aria-hidden className="mx-1 w-px self-stretch bg-neutral-200 dark:bg-neutral-800" />
        <ToolButton
          label="Bulleted list"
          pressed={state.bulletList}
          onClick={() => editor.chain().focus().toggleBulletList().run()}
        >
          • List
        </ToolButton>
        <ToolButton
          label="1. List (numbered list)"
          pressed={state.orderedList}
          onClick={() => editor.chain().focus().toggleOrderedList().run()}
        >
          1. List
        </ToolButton>
        <ToolButton
          label="Block quote"
          pressed={state.blockquote}
          onClick={() => editor.chain().focus().toggleBlockquote().run()}
        >
          “ ”
        </ToolButton>
        <ToolButton
          label="H3 (subheading)"
          pressed={state.subheading}
          onClick={() => editor.chain().focus().toggleHeading({ level: 3 }).run()}
        >
          H3
        </ToolButton>
      </div>
      {linkOpen && (
        <form
          className="flex flex-wrap items-start gap-2 border-t border-neutral-200 p-2 dark:border-neutral-800"
          onSubmit={(event) => {
            event.preventDefault();
            applyLink();
          }}
        >
          <div className="min-w-48 flex-1">
            <input
              type="text"
              inputMode="url"
              autoFocus
              aria-label="Link address"
              placeholder="https://…"
              value={linkValue}
              aria-invalid={linkError ? true : undefined}
              aria-describedby={linkError ? linkErrorId : undefined}
              onChange={(event) => setLinkValue(event.target.value)}
              onKeyDown={(event) => {
                if (event.key === "Escape") setLinkOpen(false);
              }}
              className={inputStyles}
            />
            {linkError && (
              <p id={linkErrorId} role="alert" className="mt-1 text-xs text-red-700 dark:text-red-400">
                {linkError}
              </p>
            )}
          </div>
          <button
            type="submit"
            className="rounded bg-neutral-900 px-2 py-1.5 text-xs font-semibold text-white dark:bg-neutral-100 dark:text-neutral-900"
          >
            Apply link
          </button>
          {state.link && (
            <button
              type="button"
              onClick={removeLink}
              className="rounded border border-neutral-300 px-2 py-1.5 text-xs dark:border-neutral-700"
            >
              Remove link
            </button>
          )}
          <button type="button" onClick={() => setLinkOpen(false)} className="rounded px-2 py-1.5 text-xs underline">
            Cancel
          </button>
        </form>
      )}
    </div>
  );
}
