import { useCallback, useEffect, useRef, useState } from 'react';
import { KioskError } from '../../shared/contract/errors';
import type { PrintJob } from '../../shared/contract/methods/printing';
import { asKioskError } from '../hooks/use-kiosk-error';
import { useKiosk } from '../app/kiosk-context';

/** Where a print asked for by a screen stands: not asked, being handed over, a job the printer reports on, or refused. */
export type PrintJobView =
  | { status: 'idle' }
  | { status: 'starting' }
  | { status: 'job'; jobId: string; state: PrintJob['state']; messageKey: string }
  | { status: 'refused'; error: KioskError };

/**
 * Follows one receipt-printer job by the printer's own reports (print.changed), so a screen says "printed" only
 * when the paper is out, and says plainly when the job waits for paper or a closed cover. Events may arrive before
 * the print call answers: the latest per job is kept and applied once the job id is known.
 */
export type StartedJob = Pick<PrintJob, 'jobId' | 'state' | 'messageKey'>;

export function usePrintJob(): { view: PrintJobView; start: (print: () => Promise<StartedJob>) => void } {
  const { client } = useKiosk();
  const [view, setView] = useState<PrintJobView>({ status: 'idle' });
  const latest = useRef(new Map<string, { state: PrintJob['state']; messageKey: string }>());
  const alive = useRef(true);

  useEffect(() => {
    alive.current = true;
    const off = client.on('print.changed', (e) => {
      const seen = { state: e.state, messageKey: e.messageKey ?? `printing:job.${e.state}` };
      latest.current.set(e.jobId, seen);
      setView((v) => (v.status === 'job' && v.jobId === e.jobId ? { ...v, ...seen } : v));
    });
    return () => {
      alive.current = false;
      off();
    };
  }, [client]);

  const start = useCallback((print: () => Promise<StartedJob>) => {
    setView({ status: 'starting' });
    print().then(
      (queued) => {
        if (!alive.current) return;
        const seen = latest.current.get(queued.jobId);
        setView({ status: 'job', jobId: queued.jobId, state: seen?.state ?? queued.state, messageKey: seen?.messageKey ?? queued.messageKey });
      },
      (error: unknown) => alive.current && setView({ status: 'refused', error: asKioskError(error) }),
    );
  }, []);

  return { view, start };
}

/** Whether the job still holds the printer's attention (the button to print again stays disabled meanwhile). */
export function printJobBusy(view: PrintJobView): boolean {
  return view.status === 'starting' || (view.status === 'job' && (view.state === 'queued' || view.state === 'printing' || view.state === 'waitingForPaper' || view.state === 'waitingForCover'));
}
