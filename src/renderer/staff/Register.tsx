import type { ReactNode } from 'react';
import type { KioskError } from '../../shared/contract/errors';
import { ErrorMessage } from '../screens/ErrorMessage';

/**
 * The frame of a clerk's register (inquiries, cases, the clerk's day, the home-visit checks): its title with the
 * register's buttons beside it, what the last action could not do, then the register itself. `data-*` props land on
 * the section for the tests.
 */
export function Register({
  titleId,
  title,
  actions,
  error,
  className = 'register',
  children,
  ...data
}: {
  titleId: string;
  title: ReactNode;
  actions: ReactNode;
  error: KioskError | null;
  className?: string;
  children: ReactNode;
  [dataAttr: `data-${string}`]: string | boolean | undefined;
}) {
  return (
    <section className={className} aria-labelledby={titleId} {...data}>
      <div className="register__head">
        <h2 id={titleId}>{title}</h2>
        {actions}
      </div>
      {error ? <ErrorMessage error={error} /> : null}
      {children}
    </section>
  );
}
