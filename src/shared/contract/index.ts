import type { z } from 'zod';
import { systemMethods } from './methods/system';
import { catalogMethods } from './methods/catalog';
import { helpMethods } from './methods/help';
import { printingMethods } from './methods/printing';
import { faceMethods } from './methods/face';
import { cameraMethods } from './methods/camera';
import { applicationsMethods } from './methods/applications';
import { queriesMethods } from './methods/queries';
import { staffMethods } from './methods/staff';
import { syncMethods } from './methods/sync';
import { sessionMethods } from './methods/session';
import { devicesMethods } from './methods/devices';
import { devMethods } from './methods/dev';
import { reportMethods } from './methods/report';
import { technicianMethods } from './methods/technician';
import { inquiriesMethods } from './methods/inquiries';
import { homeVisitMethods } from './methods/home-visit';
import { proxyMethods } from './methods/proxy';
import { pairingMethods } from './methods/pairing';
import { commissioningMethods } from './methods/commissioning';
import { clerkDayMethods } from './methods/clerk-day';
import { casesMethods } from './methods/cases';

/**
 * The one API contract. Both carriers (Electron IPC and the browser host's WebSocket) speak exactly this;
 * each domain keeps its methods in its own file under ./methods and is spread in here.
 */
export const methods = {
  ...systemMethods,
  ...catalogMethods,
  ...helpMethods,
  ...printingMethods,
  ...faceMethods,
  ...cameraMethods,
  ...applicationsMethods,
  ...queriesMethods,
  ...staffMethods,
  ...syncMethods,
  ...sessionMethods,
  ...devicesMethods,
  ...devMethods,
  ...reportMethods,
  ...technicianMethods,
  ...inquiriesMethods,
  ...homeVisitMethods,
  ...proxyMethods,
  ...pairingMethods,
  ...commissioningMethods,
  ...clerkDayMethods,
  ...casesMethods,
} as const;

export type Methods = typeof methods;
export type MethodName = keyof Methods;
/** What a caller sends (before defaults are applied). */
export type MethodParams<M extends MethodName> = z.input<Methods[M]['input']>;
/** What a handler receives (after the schema parsed it). */
export type MethodInput<M extends MethodName> = z.output<Methods[M]['input']>;
export type MethodResult<M extends MethodName> = z.output<Methods[M]['output']>;

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(methods, name);
}

export * from './define';
export * from './errors';
export * from './events';
export * from './wire';
