"use client";
import { useEffect, useId, useRef, useState } from "react";
import { buttonStyles } from "./styles";

interface Props {
  /** The button that opens the dialog. */
  label: string;
  /** An accessible name for the opening button when the visible label is not enough ("Deactivate Sam Lee"). */
  ariaLabel?: string;
  title: string;
  message: React.ReactNode;
  /** The dialog's confirming button. */
  confirmLabel: string;
  tone?: "danger" | "primary";
  variant?: keyof typeof buttonStyles;
  disabled?: boolean;
  onConfirm: () => Promise<void> | void;
}

/** A button that asks first, in a modal <dialog> (focus stays inside; Escape cancels). */
export function ConfirmButton({
  label,
  ariaLabel,
  title,
  message,
  confirmLabel,
  tone = "danger",
  variant = "secondary",
  disabled,
  onConfirm,
}: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const titleId = useId();
  const messageId = useId();

  useEffect(() => {
    const node = dialog.current;
    if (!node) return;
    if (open && !node.open) node.showModal();
    if (!open && node.open) node.close();
  }, [open]);

  async function confirm() {
    setBusy(true);
    try {
      await onConfirm();
    } finally {
      setBusy(false);
      setOpen(false);
    }
  }

  return (
    <>
      <button
        type="button"
        className={buttonStyles[variant]}
        aria-label={ariaLabel}
        disabled={disabled}
        onClick={() => setOpen(true)}
      >
        {label}
      </button>
      <dialog
        ref={dialog}
        aria-labelledby={titleId}
        aria-describedby={messageId}
        onClose={() => setOpen(false)}
        className="m-auto w-full max-w-md rounded-lg border border-neutral-200 bg-white p-5 text-sm text-neutral-900 shadow-xl backdrop:bg-black/40 dark:border-neutral-700 dark:bg-neutral-900 dark:text-neutral-100"
      >
        {open && (
          <>
            <h2 id={titleId} className="mb-2 text-base font-bold">
              {title}
            </h2>
            <div id={messageId} className="mb-5 text-neutral-700 dark:text-neutral-300">
              {message}
            </div>
            <div className="flex justify-end gap-2">
              <button type="button" className={buttonStyles.secondary} onClick={() => setOpen(false)} autoFocus>
                Cancel
              </button>
              <button type="button" className={buttonStyles[tone]} disabled={busy} onClick={() => void confirm()}>
                {confirmLabel}
              </button>
            </div>
          </>
        )}
      </dialog>
    </>
  );
}
