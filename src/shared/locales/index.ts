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
import zhDevicesOutput from './zh-CN/devices-output.json';
import enDevicesOutput from './en/devices-output.json';
import zhCatalog from './zh-CN/catalog.json';
import enCatalog from './en/catalog.json';
import zhSync from './zh-CN/sync.json';
import enSync from './en/sync.json';
import zhScreens from './zh-CN/screens.json';
import enScreens from './en/screens.json';
import zhDevicesReaders from './zh-CN/devices-readers.json';
import enDevicesReaders from './en/devices-readers.json';
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

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const resources = {
  'zh-CN': { common: zhCommon, errors: zhErrors, printing: zhPrinting, 'devices-output': zhDevicesOutput, catalog: zhCatalog, sync: zhSync, screens: zhScreens, 'devices-readers': zhDevicesReaders, console: zhConsole, staff: zhStaff, requests: zhRequests, report: zhReport, technician: zhTechnician },
  en: { common: enCommon, errors: enErrors, printing: enPrinting, 'devices-output': enDevicesOutput, catalog: enCatalog, sync: enSync, screens: enScreens, 'devices-readers': enDevicesReaders, console: enConsole, staff: enStaff, requests: enRequests, report: enReport, technician: enTechnician },
} as const;

export type Namespace = keyof (typeof resources)['zh-CN'];
export const NAMESPACES = Object.keys(resources['zh-CN']) as Namespace[];
