import { useTranslation } from 'react-i18next';
import type { StaffEndReason, StaffView } from './staff-context';

/** Who is logged in and in which mode, with one-touch logout; shown above every screen while a clerk is logged in. */
export function StaffBanner({
  staff,
  mode,
  onLogout,
  workspaceOpen,
  onWorkspace,
}: {
  staff: StaffView;
  mode: 'assisted' | 'window' | 'homeVisit';
  onLogout: () => void;
  workspaceOpen: boolean;
  onWorkspace: () => void;
}) {
  const { t } = useTranslation('staff');
  return (
    <div className="banner banner--staff banner--row" role="status" data-staff-banner={staff.id}>
      <span>{t('banner.who', { mode: t(`mode.${mode}`), name: staff.displayName })}</span>
      <button type="button" className="button staff-banner__workspace" aria-pressed={workspaceOpen} onClick={onWorkspace} data-staff-workspace>
        {workspaceOpen ? t('workspace.close') : t('workspace.open')}
      </button>
      <button type="button" className="button staff-banner__logout" onClick={onLogout} data-staff-logout>
        {t('banner.logout')}
      </button>
    </div>
  );
}

/** Said once after a login ended without the clerk asking (inactivity, disabled account, lost connection). */
export function StaffEndedNotice({ reason, onDismiss }: { reason: StaffEndReason; onDismiss: () => void }) {
  const { t } = useTranslation('staff');
  return (
    <div className="banner banner--warning banner--row staff-ended" role="status" data-staff-ended={reason}>
      <span>{t(`ended.${reason}`)}</span>
      <button type="button" className="button" onClick={onDismiss}>
        {t('ended.dismiss')}
      </button>
    </div>
  );
}
