import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportStatus } from '../../shared/contract/methods/report';
import { useKiosk } from '../app/kiosk-context';
import { ReportScreen } from '../app/lazy-screens';
import './report.css';

/**
 * In staff mode, for a clerk: last month's report one touch away, and from the 10th until it is submitted a
 * reminder (late after the 15th). The status is asked again when the report screen closes.
 */
export function ReportEntry() {
  const { t } = useTranslation('report');
  const { client } = useKiosk();
  const [status, setStatus] = useState<ReportStatus | null>(null);
  const [open, setOpen] = useState(false);

  const refresh = useCallback(() => {
    client.invoke('report.status', {}).then(setStatus, () => setStatus(null));
  }, [client]);
  useEffect(refresh, [refresh]);

  if (!status) return null;
  const remind = status.reminder && status.state !== 'submitted';
  return (
    <>
      <div className={`banner banner--row ${remind ? 'banner--warning' : 'banner--info'} report-entry`} role="status" data-report-entry={status.month} data-report-reminder={remind ? (status.late ? 'late' : 'due') : 'none'}>
        <span>{remind ? t(status.late ? 'screen.reminderLate' : 'screen.reminder', { month: status.month }) : null}</span>
        <button type="button" className="button" onClick={() => setOpen(true)} data-report-open>
          {t('screen.open')}
        </button>
      </div>
      {open ? (
        <ReportScreen
          month={status.month}
          onClose={() => {
            setOpen(false);
            refresh();
          }}
        />
      ) : null}
    </>
  );
}
