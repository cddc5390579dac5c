import { routeGroup } from '../route-groups';
import { accountRoutes } from './account-routes';
import { caseMaterialRoutes } from './case-material-routes';
import { caseRoutes } from './cases';
import { pointCaseRoutes } from './point-case-routes';
import { faultRoutes } from './fault-routes';
import { fleetRoutes } from './fleet-routes';
import { milestoneRoutes } from './milestone-routes';
import { monthlyReportRoutes } from './monthly-report-routes';
import { programmeRoutes } from './programme-routes';
import { publishingRoutes } from './publishing-routes';
import { catalogPublishingRoutes } from './catalog-publishing-routes';
import { DEFAULT_CONSOLE_DIR, registerConsoleRoutes, type ConsoleRoutes, type ConsoleSettings } from './console-plugin';

export { seedConsoleDemo } from './console-demo-seed';

/** Each console page's API, registered in the console's route group. */
const CONSOLE_ROUTES: ConsoleRoutes[] = [programmeRoutes, fleetRoutes, faultRoutes, caseRoutes, accountRoutes, publishingRoutes, catalogPublishingRoutes, monthlyReportRoutes, milestoneRoutes, caseMaterialRoutes, pointCaseRoutes];

/** The console (page and API) as the gateway's 'console' route group under /console. */
export function consoleRoutes(settings: ConsoleSettings = {}) {
  return routeGroup('console', '/console', registerConsoleRoutes(CONSOLE_ROUTES, { staticDir: DEFAULT_CONSOLE_DIR, ...settings }));
}
