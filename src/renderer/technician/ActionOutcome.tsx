import type { ReactNode } from 'react';
import type { KioskError } from '../../shared/contract/errors';
import { ErrorMessage } from '../screens/ErrorMessage';

/**
 * What a technician's button did (a `useAction`): its result said in a status line, or its error in words. `data-*`
 * props land on the status line for the tests.
 */
export function ActionOutcome<R>({ action, said, ...data }: { action: { result: R | null; error: KioskError | null }; said: (result: R) => ReactNode; [dataAttr: `data-${string}`]: string | boolean | undefined }) {
  return (
    <>
      {action.result ? (
        <p role="status" {...data}>
          {said(action.result)}
        </p>
      ) : null}
      {action.error ? <ErrorMessage error={action.error} /> : null}
    </>
  );
}
