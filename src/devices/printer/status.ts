import type { DeviceState, MediaState } from '../../shared/domain/devices';

/**
 * Decoding of the one-byte answers to `10 04 n` (DEVICES.md §3). Every answer has bits 1 and 4 set and bits 0
 * and 7 clear; a byte that breaks that is not a status answer (noise, or a printer that does not speak ESC/POS).
 */

export type StatusByteCheck = { ok: true } | { ok: false; reason: 'notAStatusByte' };

export function checkStatusByte(value: number): StatusByteCheck {
  return (value & 0b1001_0011) === 0b0001_0010 ? { ok: true } : { ok: false, reason: 'notAStatusByte' };
}

/** n = 1: printer status. */
export interface PrinterStatusBits {
  offline: boolean; // bit 3
  waitingForRecovery: boolean; // bit 5
}
/** n = 2: offline cause. */
export interface OfflineCauseBits {
  coverOpen: boolean; // bit 2
  stoppedByPaperEnd: boolean; // bit 5
  error: boolean; // bit 6
}
/** n = 3: error cause (M: vendors differ on bit 6). */
export interface ErrorCauseBits {
  cutterError: boolean; // bit 3
  unrecoverable: boolean; // bit 5
  autoRecoverable: boolean; // bit 6
}
/** n = 4: paper sensor. */
export interface PaperSensorBits {
  nearEnd: boolean; // bits 2-3 (0x0C)
  paperEnd: boolean; // bits 5-6 (0x60)
}

const bit = (value: number, n: number): boolean => (value & (1 << n)) !== 0;

export function decodePrinterStatus(value: number): PrinterStatusBits {
  return { offline: bit(value, 3), waitingForRecovery: bit(value, 5) };
}
export function decodeOfflineCause(value: number): OfflineCauseBits {
  return { coverOpen: bit(value, 2), stoppedByPaperEnd: bit(value, 5), error: bit(value, 6) };
}
export function decodeErrorCause(value: number): ErrorCauseBits {
  return { cutterError: bit(value, 3), unrecoverable: bit(value, 5), autoRecoverable: bit(value, 6) };
}
export function decodePaperSensor(value: number): PaperSensorBits {
  // Either bit of each pair counts: some models set only one of the two.
  return { nearEnd: (value & 0x0c) !== 0, paperEnd: (value & 0x60) !== 0 };
}

/** Everything the four status answers say, merged. */
export interface PrinterCondition {
  offline: boolean;
  coverOpen: boolean;
  paperEnd: boolean;
  paperNearEnd: boolean;
  error: boolean;
  cutterError: boolean;
  unrecoverable: boolean;
}

export function conditionFrom(answers: { printer: number; offline: number; error: number; paper: number }): PrinterCondition {
  const p = decodePrinterStatus(answers.printer);
  const o = decodeOfflineCause(answers.offline);
  const e = decodeErrorCause(answers.error);
  const s = decodePaperSensor(answers.paper);
  return {
    offline: p.offline,
    coverOpen: o.coverOpen,
    paperEnd: s.paperEnd || o.stoppedByPaperEnd,
    paperNearEnd: s.nearEnd,
    error: o.error,
    cutterError: e.cutterError,
    unrecoverable: e.unrecoverable,
  };
}

/** The device status a condition maps to, with the message key a person sees (printers namespace). */
export function deviceStateOf(condition: PrinterCondition): { state: DeviceState; media: MediaState; detailKey?: string } {
  const media: MediaState = condition.paperEnd ? 'absent' : condition.paperNearEnd ? 'low' : 'present';
  if (condition.unrecoverable || condition.cutterError) {
    return { state: 'hardwareError', media, detailKey: condition.cutterError ? 'printers:printer.cutterError' : 'printers:printer.unrecoverable' };
  }
  if (condition.coverOpen) return { state: 'userActionRequired', media, detailKey: 'printers:printer.coverOpen' };
  if (condition.paperEnd) return { state: 'userActionRequired', media, detailKey: 'printers:printer.paperOut' };
  if (condition.error) return { state: 'hardwareError', media, detailKey: 'printers:printer.error' };
  if (condition.offline) return { state: 'offline', media, detailKey: 'printers:printer.offline' };
  if (condition.paperNearEnd) return { state: 'online', media, detailKey: 'printers:printer.paperLow' };
  return { state: 'online', media };
}
