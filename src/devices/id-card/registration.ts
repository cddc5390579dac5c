import { cardReaderRegistration } from '../manager/byte-line-registration';
import { IdCardSimulator } from '../simulators/id-card-simulator';
import { IdCardReader } from './id-card-reader';

/** The ID card reader's entry in the device registry: serial (or USB-serial) hardware, or the embedded simulator. */
export const idCardReaderRegistration = cardReaderRegistration('idCardReader', 'id-card', { name: 'id card reader', Reader: IdCardReader, Simulator: IdCardSimulator });
