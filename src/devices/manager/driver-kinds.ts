import type { DeviceKind } from '../../shared/domain/devices';
import type { DocumentCameraDriver } from '../camera/driver';
import type { DocumentCameraHidSimulator } from '../camera/simulator';
import type { FaceModuleDriver } from '../face/driver';
import type { FaceModuleSimulator } from '../face/simulator';
import type { IdCardReaderDevice } from '../id-card/id-card-reader';
import type { DocumentPrinterDevice } from '../printer/document-printer';
import type { ReceiptPrinterDriver } from '../printer/driver';
import type { SimulatedPrintQueue } from '../printer/simulated-print-queue';
import type { ReceiptPrinterSimulator } from '../printer/simulator';
import type { IdCardSimulatorControl } from '../simulators/id-card-simulator';
import type { SocialSecurityCardSimulatorControl } from '../simulators/social-security-card-simulator';
import type { SocialSecurityCardReaderDevice } from '../social-security-card/social-security-card-reader';

/**
 * The driver interface of each device kind: what `devices.driverOf(id, kind)` and `devices.firstOfKind(kind)` hand
 * out, checked against the kind when the driver is built, so callers never cast.
 */
export interface DriverByKind {
  idCardReader: IdCardReaderDevice;
  socialSecurityCardReader: SocialSecurityCardReaderDevice;
  receiptPrinter: ReceiptPrinterDriver;
  documentPrinter: DocumentPrinterDevice;
  documentCamera: DocumentCameraDriver;
  faceCamera: FaceModuleDriver;
}

/** The control surface of each kind's in-process simulator (developer panel, tests). */
export interface SimulatorControlByKind {
  idCardReader: IdCardSimulatorControl;
  socialSecurityCardReader: SocialSecurityCardSimulatorControl;
  receiptPrinter: ReceiptPrinterSimulator;
  documentPrinter: SimulatedPrintQueue;
  documentCamera: DocumentCameraHidSimulator;
  faceCamera: FaceModuleSimulator;
}

// Every kind has an entry in both maps (a new kind without a driver interface does not compile).
type Exact<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const everyKindMapped: Exact<keyof DriverByKind, DeviceKind> & Exact<keyof SimulatorControlByKind, DeviceKind> = true;
void everyKindMapped;
