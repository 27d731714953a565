import type { ReactNode } from "react";
import { labelStyles } from "./styles";

/**
 * A control with its label above it, as every newsroom form lays out a field. The control (and any hint
 * or error under it) comes as children and keeps its own id, which `htmlFor` must name, so the label
 * stays the control's accessible name.
 */
export function FormField({ htmlFor, label, children }: { htmlFor: string; label: ReactNode; children: ReactNode }) {
  return (
    <div>
      <label htmlFor={htmlFor} className={labelStyles}>
        {label}
      </label>
      {children}
    </div>
  );
}
