import { StaffBanner, StaffEndedNotice } from './StaffBanner';
import type { ReactNode } from 'react';
import { StaffEntry } from './StaffEntry';
import { Workspace } from './Workspace';
import { useKiosk } from '../app/kiosk-context';
import { HelpCalls } from './HelpCalls';
import { StaffLogin } from './StaffLogin';
import { useStaff } from './staff-context';
import './staff.css';
import { ReportEntry } from '../report/ReportEntry';

/** What staff mode adds above every screen: the banner while logged in, the notice after an unasked end, the login dialog. */
export function StaffChrome() {
  const { staff, ended, logout, dismissEnded, loginOpen, setLoginOpen, workspaceOpen, setWorkspaceOpen } = useStaff();
  const { site } = useKiosk();
  return (
    <>
      {staff ? <StaffBanner staff={staff} mode={site.station === 'window' ? 'window' : 'assisted'} onLogout={logout} workspaceOpen={workspaceOpen} onWorkspace={() => setWorkspaceOpen(!workspaceOpen)} /> : null}
      {staff?.roles.includes('clerk') ? <HelpCalls /> : null}
      {staff?.roles.includes('clerk') ? <ReportEntry key={staff.id} /> : null}
      {!staff && ended ? <StaffEndedNotice reason={ended} onDismiss={dismissEnded} /> : null}
      {loginOpen && !staff ? <StaffLogin onClose={() => setLoginOpen(false)} /> : null}
      {workspaceOpen ? <Workspace onClose={() => setWorkspaceOpen(false)} /> : null}
    </>
  );
}

/** The kiosk's own screens: kept mounted (the resident's visit goes on) but hidden while the workspace is open. */
export function KioskScreens({ children }: { children: ReactNode }) {
  const { staff, workspaceOpen, setWorkspaceOpen } = useStaff();
  const { site } = useKiosk();
  // The window PC serves nobody without a clerk: it opens on the login, and the login opens the workspace.
  if (site.station === 'window' && !staff) return <StaffLogin standalone onClose={() => setWorkspaceOpen(true)} />;
  return <div hidden={workspaceOpen}>{children}</div>;
}

/** The hidden corner, on the attract screen only and only while nobody is logged in (it would cover "back" elsewhere). */
export function StaffCorner() {
  const { staff, setLoginOpen } = useStaff();
  return staff ? null : <StaffEntry onOpen={() => setLoginOpen(true)} />;
}
