import { StaffBanner, StaffEndedNotice } from './StaffBanner';
import type { ReactNode } from 'react';
import { StaffEntry } from './StaffEntry';
import { useKiosk } from '../app/kiosk-context';
import { HelpCalls } from './HelpCalls';
import { StaffLogin, StaffWorkspace as Workspace } from '../app/lazy-screens';
import { useStaff } from './staff-context';
import './staff.css';
import { ReportEntry } from '../report/ReportEntry';
import { VillageGroupGate } from '../home-visit/VillageGroupGate';
import { stationMode } from './station-mode';

/** What staff mode adds above every screen: the banner while logged in, the notice after an unasked end, the login dialog. */
export function StaffChrome() {
  const { staff, ended, logout, dismissEnded, loginOpen, setLoginOpen, workspaceOpen, setWorkspaceOpen } = useStaff();
  const { site } = useKiosk();
  return (
    <>
      {staff ? <StaffBanner staff={staff} mode={stationMode(site.station)} onLogout={logout} workspaceOpen={workspaceOpen} onWorkspace={() => setWorkspaceOpen(!workspaceOpen)} /> : null}
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
  // The window PC and the home-visit laptop serve nobody without a clerk: they open on the login. At the window the
  // login opens the workspace; on a home visit it asks for the resident's village group first.
  if (site.station !== 'kiosk' && !staff) return <StaffLogin standalone onClose={() => setWorkspaceOpen(site.station === 'window')} />;
  if (site.station === 'homeVisit' && staff) {
    return (
      <div hidden={workspaceOpen}>
        <VillageGroupGate key={staff.id}>{children}</VillageGroupGate>
      </div>
    );
  }
  return <div hidden={workspaceOpen}>{children}</div>;
}

/** The hidden corner, on the attract screen only and only while nobody is logged in (it would cover "back" elsewhere). */
export function StaffCorner() {
  const { staff, setLoginOpen } = useStaff();
  return staff ? null : <StaffEntry onOpen={() => setLoginOpen(true)} />;
}
