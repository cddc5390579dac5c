import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../screens/ErrorMessage';
import type { PrintJobView } from './use-print-job';

/**
 * What a screen says about its print job: the screen's own words while it starts and once the paper is out,
 * the printer's report in between (waiting for paper or a closed cover is a warning: the whole slip prints again).
 */
export function PrintJobStatus({ view, startingText, doneText }: { view: PrintJobView; startingText: string; doneText: string }) {
  const { t } = useTranslation();
  if (view.status === 'idle') return null;
  if (view.status === 'refused') return <ErrorMessage error={view.error} />;
  if (view.status === 'starting') return <p role="status" data-print-state="starting">{startingText}</p>;
  const warning = view.state === 'waitingForPaper' || view.state === 'waitingForCover' || view.state === 'failed';
  return (
    <p role="status" data-print-state={view.state} className={warning ? 'banner banner--warning' : undefined}>
      {view.state === 'done' ? doneText : t(view.messageKey)}
    </p>
  );
}
