/**
 * Every en namespace, as one module: the renderer loads one language's module at a time (load.ts), so the
 * page carries only the language on screen. zh-CN/index.ts lists the same namespaces; a new namespace goes in both.
 */
import common from './common.json';
import errors from './errors.json';
import printing from './printing.json';
import printers from './printers.json';
import cameras from './cameras.json';
import simulators from './simulators.json';
import catalog from './catalog.json';
import sync from './sync.json';
import screens from './screens.json';
import cardReaders from './card-readers.json';
import consoleTexts from './console.json'; // not `console`: that name is the global
import staff from './staff.json';
import requests from './requests.json';
import report from './report.json';
import technician from './technician.json';
import homeVisit from './home-visit.json';
import pairing from './pairing.json';
import clerkDay from './clerk-day.json';
import cases from './cases.json';

export const texts = { common, errors, printing, printers, cameras, simulators, catalog, sync, screens, 'card-readers': cardReaders, console: consoleTexts, staff, requests, report, technician, 'home-visit': homeVisit, pairing, 'clerk-day': clerkDay, cases };
