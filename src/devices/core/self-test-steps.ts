/**
 * Every step a device's self-test can report, by name. The technician tab (DevicePanel), the commissioning record
 * (shared/commissioning/step-finding.ts) and the device report word each through `technician:selfTest.step.<name>`;
 * a driver's step is typed against this list, so a new step is added here, and `self-test-steps.test.ts` then asks
 * for its zh-CN and en texts.
 */
export const SELF_TEST_STEPS = [
  'port', // card readers: the serial/HID port (card-reader-base.ts)
  'samStatus', // ID card reader: the security module answers
  'samId', // ID card reader: the security module's number
  'card', // ID card reader: a card on it or not
  'reader', // social security card reader: the reader answers
  'status', // receipt printer, face module: the device's own status
  'queue', // A4 printer: the system's print queue
  'driver', // device manager: no driver for the device
  'selfTest', // device manager: the self-test itself failed
  'hid', // document camera: its button and light interface
  'light', // document camera: the light switches on and off
] as const;

export type SelfTestStepName = (typeof SELF_TEST_STEPS)[number];
