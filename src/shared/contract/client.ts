import { events } from './events';
import { methods } from './index';
import { ContractClient, type ClientCarrier } from './contract-client';

export type { ClientCarrier } from './contract-client';

/**
 * The typed client kioskctl, the core's tools and the tests use, with the contract's tables at hand; the screen builds
 * a `ContractClient` that loads them when first needed (src/renderer/boot.tsx). It is the same whichever carrier is
 * under it.
 */
export class KioskClient extends ContractClient {
  constructor(carrier: ClientCarrier) {
    super(carrier, { methods, events });
  }
}
