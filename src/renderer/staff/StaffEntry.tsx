import { useRef } from 'react';

/** How long the corner must be held: long enough that a resident leaning on the screen does not open it by chance. */
export const STAFF_ENTRY_HOLD_MS = 3000;

/**
 * The hidden way in for staff (docs/staff-mode.md): hold the top-left corner of the screen for three seconds.
 * Nothing is drawn, so residents see no button; it is not focusable, so it is not in the tab order either.
 */
export function StaffEntry({ onOpen }: { onOpen: () => void }) {
  const timer = useRef<number | undefined>(undefined);
  const cancel = () => {
    window.clearTimeout(timer.current);
    timer.current = undefined;
  };
  return (
    <div
      className="staff-entry"
      aria-hidden="true"
      data-staff-entry
      onPointerDown={(e) => {
        e.stopPropagation();
        cancel();
        timer.current = window.setTimeout(() => {
          timer.current = undefined;
          onOpen();
        }, STAFF_ENTRY_HOLD_MS);
      }}
      onPointerUp={cancel}
      onPointerLeave={cancel}
      onPointerCancel={cancel}
      onClick={(e) => e.stopPropagation()}
    />
  );
}
