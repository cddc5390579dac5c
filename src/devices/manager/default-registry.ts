import { idCardReaderRegistration } from '../id-card/registration';
import { receiptPrinterRegistration } from '../printer/registration';
import { faceModuleRegistration } from '../face/registration';
import { documentCameraRegistration } from '../camera/registration';
import { documentPrinterRegistration } from '../printer/system-printer-registration';
import { socialSecurityCardReaderRegistration } from '../social-security-card/registration';
import { DriverRegistry } from './registry';

/**
 * Every device kind the kiosk knows, one registration line each. A new kind adds its line here; the other files it
 * touches are listed in docs/architecture.md, "Where to put a new ...".
 */
export function createDefaultRegistry(): DriverRegistry {
  const registry = new DriverRegistry();
  registry.register(idCardReaderRegistration);
  registry.register(socialSecurityCardReaderRegistration);
  registry.register(receiptPrinterRegistration);
  registry.register(faceModuleRegistration);
  registry.register(documentCameraRegistration);
  registry.register(documentPrinterRegistration);
  return registry;
}
