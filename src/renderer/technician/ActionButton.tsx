import type { ReactNode } from 'react';

/**
 * The button that runs a technician's `useAction` (run a check, sign, sync now): held while the call runs, and while
 * `blocked` (what it needs is not filled in yet). `data-*` props land on the button for the tests.
 */
export function ActionButton({ action, primary = false, blocked = false, children, ...data }: { action: { busy: boolean; run: () => void }; primary?: boolean; blocked?: boolean; children: ReactNode; [dataAttr: `data-${string}`]: string | boolean | undefined }) {
  return (
    <button type="button" className={primary ? 'button button--primary' : 'button'} disabled={action.busy || blocked} onClick={() => action.run()} {...data}>
      {children}
    </button>
  );
}
