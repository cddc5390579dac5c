import { StaffBanner, StaffEndedNotice } from './StaffBanner';
import { StaffEntry } from './StaffEntry';
import { HelpCalls } from './HelpCalls';
import { StaffLogin } from './StaffLogin';
import { useStaff } from './staff-context';
import './staff.css';
import { ReportEntry } from '../report/ReportEntry';

/** What staff mode adds above every screen: the banner while logged in, the notice after an unasked end, the login dialog. */
export function StaffChrome() {
  const { staff, ended, logout, dismissEnded, loginOpen, setLoginOpen } = useStaff();
  return (
    <>
      {staff ? <StaffBanner staff={staff} mode="assisted" onLogout={logout} /> : null}
      {staff?.roles.includes('clerk') ? <HelpCalls /> : null}
      {staff?.roles.includes('clerk') ? <ReportEntry key={staff.id} /> : null}
      {!staff && ended ? <StaffEndedNotice reason={ended} onDismiss={dismissEnded} /> : null}
      {loginOpen && !staff ? <StaffLogin onClose={() => setLoginOpen(false)} /> : null}
    </>
  );
}

/** The hidden corner, on the attract screen only and only while nobody is logged in (it would cover "back" elsewhere). */
export function StaffCorner() {
  const { staff, setLoginOpen } = useStaff();
  return staff ? null : <StaffEntry onOpen={() => setLoginOpen(true)} />;
}
