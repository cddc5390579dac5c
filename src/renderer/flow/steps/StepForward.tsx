import type { ReactNode } from 'react';

/** A step's one way on: the big primary button at its foot (next, submit, finish), `data-action` for the tests. */
export function StepForward({ action, onClick, disabled, children }: { action: string; onClick: () => void; disabled?: boolean; children: ReactNode }) {
  return (
    <div className="flow__actions">
      <button type="button" className="button button--primary button--big" onClick={onClick} disabled={disabled} data-action={action}>
        {children}
      </button>
    </div>
  );
}
