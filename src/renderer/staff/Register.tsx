import type { ReactNode } from 'react';
import type { KioskError } from '../../shared/contract/errors';
import { ErrorMessage } from '../screens/ErrorMessage';

/**
 * The frame of a clerk's register (inquiries, cases, the clerk's day, the home-visit checks): its title with the
 * register's buttons beside it, what the last action could not do, then the register itself. `data-*` props land on
 * the section for the tests. A register that takes new entries has its first button open and close the entry form.
 */
export function Register({
  titleId,
  title,
  actions,
  newEntry,
  error,
  className = 'register',
  children,
  ...data
}: {
  titleId: string;
  title: ReactNode;
  actions?: ReactNode;
  newEntry?: { label: ReactNode; open: boolean; onToggle: () => void; dataAttr: `data-${string}` };
  error: KioskError | null;
  className?: string;
  children: ReactNode;
  [dataAttr: `data-${string}`]: string | boolean | undefined;
}) {
  return (
    <section className={className} aria-labelledby={titleId} {...data}>
      <div className="register__head">
        <h2 id={titleId}>{title}</h2>
        {newEntry ? (
          <button type="button" className="button button--primary" onClick={newEntry.onToggle} aria-expanded={newEntry.open} {...{ [newEntry.dataAttr]: true }}>
            {newEntry.label}
          </button>
        ) : null}
        {actions}
      </div>
      {error ? <ErrorMessage error={error} /> : null}
      {children}
    </section>
  );
}
