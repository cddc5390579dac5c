import type { ComponentType } from 'react';
import type { SessionInfo } from '../../shared/console/api';
import { AccountsPage } from './AccountsPage';
import { AuditPage } from './AuditPage';
import { CasesPage } from './CasesPage';
import { PointCasesPage } from './PointCasesPage';
import { FaultsPage } from './FaultsPage';
import { FleetPage } from './FleetPage';
import { PointsPage } from './PointsPage';
import { ProgrammePage } from './ProgrammePage';
import { PublishingPage } from './PublishingPage';
import { ReportsPage } from './ReportsPage';

export interface PageProps {
  session: SessionInfo;
}

/** The console's pages in menu order; the first is the landing page. */
export const CONSOLE_PAGES = [
  { id: 'programme', Component: ProgrammePage },
  { id: 'fleet', Component: FleetPage },
  { id: 'faults', Component: FaultsPage },
  { id: 'cases', Component: CasesPage },
  { id: 'pointCases', Component: PointCasesPage },
  { id: 'reports', Component: ReportsPage },
  { id: 'accounts', Component: AccountsPage },
  { id: 'publishing', Component: PublishingPage },
  { id: 'points', Component: PointsPage },
  { id: 'audit', Component: AuditPage },
] as const satisfies ReadonlyArray<{ id: string; Component: ComponentType<PageProps> }>;

export type PageId = (typeof CONSOLE_PAGES)[number]['id'];

export function pageFromHash(hash: string): PageId {
  const id = hash.replace(/^#\/?/, '');
  return CONSOLE_PAGES.find((p) => p.id === id)?.id ?? CONSOLE_PAGES[0].id;
}
