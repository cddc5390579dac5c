import type { ReactNode } from 'react';

/** A form field with its label above it (`.field` in theme.css); `id` is the control's, which the label points at. */
export function LabelledField({ id, label, children }: { id: string; label: ReactNode; children: ReactNode }) {
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {children}
    </div>
  );
}
