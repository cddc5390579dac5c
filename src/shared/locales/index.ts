/**
 * Every string a person sees, by language and namespace. Each area of the product owns one namespace file
 * (common, errors, catalog, devices, ...) in both languages; a test checks that both have the same keys.
 */
import zhCommon from './zh-CN/common.json';
import enCommon from './en/common.json';
import zhErrors from './zh-CN/errors.json';
import enErrors from './en/errors.json';
import zhPrinting from './zh-CN/printing.json';
import enPrinting from './en/printing.json';
import zhPrinters from './zh-CN/printers.json';
import enPrinters from './en/printers.json';
import zhCameras from './zh-CN/cameras.json';
import enCameras from './en/cameras.json';
import zhSimulators from './zh-CN/simulators.json';
import enSimulators from './en/simulators.json';
import zhCatalog from './zh-CN/catalog.json';
import enCatalog from './en/catalog.json';
import zhSync from './zh-CN/sync.json';
import enSync from './en/sync.json';
import zhScreens from './zh-CN/screens.json';
import enScreens from './en/screens.json';
import zhCardReaders from './zh-CN/card-readers.json';
import enCardReaders from './en/card-readers.json';
import zhConsole from './zh-CN/console.json';
import enConsole from './en/console.json';
import zhStaff from './zh-CN/staff.json';
import enStaff from './en/staff.json';
import zhRequests from './zh-CN/requests.json';
import enRequests from './en/requests.json';
import zhReport from './zh-CN/report.json';
import enReport from './en/report.json';
import zhTechnician from './zh-CN/technician.json';
import enTechnician from './en/technician.json';
import zhHomeVisit from './zh-CN/home-visit.json';
import enHomeVisit from './en/home-visit.json';
import zhPairing from './zh-CN/pairing.json';
import enPairing from './en/pairing.json';
import zhClerkDay from './zh-CN/clerk-day.json';
import enClerkDay from './en/clerk-day.json';
import zhCases from './zh-CN/cases.json';
import enCases from './en/cases.json';

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const resources = {
  'zh-CN': { common: zhCommon, errors: zhErrors, printing: zhPrinting, printers: zhPrinters, cameras: zhCameras, simulators: zhSimulators, catalog: zhCatalog, sync: zhSync, screens: zhScreens, 'card-readers': zhCardReaders, console: zhConsole, staff: zhStaff, requests: zhRequests, report: zhReport, technician: zhTechnician, 'home-visit': zhHomeVisit, pairing: zhPairing, 'clerk-day': zhClerkDay, cases: zhCases },
  en: { common: enCommon, errors: enErrors, printing: enPrinting, printers: enPrinters, cameras: enCameras, simulators: enSimulators, catalog: enCatalog, sync: enSync, screens: enScreens, 'card-readers': enCardReaders, console: enConsole, staff: enStaff, requests: enRequests, report: enReport, technician: enTechnician, 'home-visit': enHomeVisit, pairing: enPairing, 'clerk-day': enClerkDay, cases: enCases },
} as const;

export type Namespace = keyof (typeof resources)['zh-CN'];
export const NAMESPACES = Object.keys(resources['zh-CN']) as Namespace[];
