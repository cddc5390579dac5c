import type { ReactNode } from 'react';

/**
 * Something a person ticks (勾选) on the touchscreen: a statement they confirm on a form, a line of a checklist, a
 * material handed in, a setting switched on. A touch-sized button with the checkbox role (`.tick` in theme.css: at
 * least 64 px high, a drawn box that shows a tick when ticked, a gap around it), never the browser's 13 px box.
 * `data` holds the data attributes the e2e tests press (e.g. `{ 'data-confirm': 'agree' }`).
 */
export function TickBox({
  ticked,
  onChange,
  children,
  describedBy,
  data,
}: {
  ticked: boolean;
  onChange: (ticked: boolean) => void;
  /** What is ticked, in words: the button's name. */
  children: ReactNode;
  describedBy?: string | undefined;
  data?: Record<`data-${string}`, string | boolean>;
}) {
  return (
    <button type="button" role="checkbox" aria-checked={ticked} aria-describedby={describedBy} className="button tick" onClick={() => onChange(!ticked)} {...data}>
      {children}
    </button>
  );
}
