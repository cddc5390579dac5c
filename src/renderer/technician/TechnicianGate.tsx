import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStaff } from '../staff/staff-context';
import { TechnicianWorkspace } from '../app/lazy-screens';
import './technician.css';

/**
 * The technician's way in: after the hidden corner and a login with the technician role, a button opens the
 * workspace. Nothing shows for residents or clerks; the workspace closes with the login.
 */
export function TechnicianGate() {
  const { staff } = useStaff();
  const { t } = useTranslation('technician');
  const [open, setOpen] = useState(false);
  if (!staff?.roles.includes('technician')) return null;
  return open ? (
    <TechnicianWorkspace onClose={() => setOpen(false)} />
  ) : (
    <button type="button" className="button technician-open" data-technician-open onClick={() => setOpen(true)}>
      {t('open')}
    </button>
  );
}
