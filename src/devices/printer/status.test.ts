import {
  checkStatusByte,
  conditionFrom,
  decodeErrorCause,
  decodeOfflineCause,
  decodePaperSensor,
  decodePrinterStatus,
  deviceStateOf,
} from './status';

describe('real-time status bytes (DEVICES.md §3)', () => {
  it('accepts only bytes with bits 1 and 4 set and bits 0 and 7 clear', () => {
    for (const b of [0x12, 0x1a, 0x1e, 0x72, 0x16, 0x32, 0x52]) expect(checkStatusByte(b).ok).toBe(true);
    for (const b of [0x00, 0xff, 0x10, 0x02, 0x13, 0x92]) expect(checkStatusByte(b)).toEqual({ ok: false, reason: 'notAStatusByte' });
  });

  it('n=1 printer status: bit 3 offline, bit 5 waiting for recovery', () => {
    expect(decodePrinterStatus(0x12)).toEqual({ offline: false, waitingForRecovery: false });
    expect(decodePrinterStatus(0x1a)).toEqual({ offline: true, waitingForRecovery: false });
    expect(decodePrinterStatus(0x32)).toEqual({ offline: false, waitingForRecovery: true });
  });

  it('n=2 offline cause: bit 2 cover, bit 5 paper end, bit 6 error', () => {
    expect(decodeOfflineCause(0x12)).toEqual({ coverOpen: false, stoppedByPaperEnd: false, error: false });
    expect(decodeOfflineCause(0x16)).toEqual({ coverOpen: true, stoppedByPaperEnd: false, error: false });
    expect(decodeOfflineCause(0x32)).toEqual({ coverOpen: false, stoppedByPaperEnd: true, error: false });
    expect(decodeOfflineCause(0x52)).toEqual({ coverOpen: false, stoppedByPaperEnd: false, error: true });
  });

  it('n=3 error cause: bit 3 cutter, bit 5 unrecoverable, bit 6 auto-recoverable', () => {
    expect(decodeErrorCause(0x12)).toEqual({ cutterError: false, unrecoverable: false, autoRecoverable: false });
    expect(decodeErrorCause(0x1a)).toEqual({ cutterError: true, unrecoverable: false, autoRecoverable: false });
    expect(decodeErrorCause(0x32)).toEqual({ cutterError: false, unrecoverable: true, autoRecoverable: false });
    expect(decodeErrorCause(0x52)).toEqual({ cutterError: false, unrecoverable: false, autoRecoverable: true });
  });

  it('n=4 paper sensor: 0x1E low paper, 0x72 no paper, either bit of a pair counts', () => {
    expect(decodePaperSensor(0x12)).toEqual({ nearEnd: false, paperEnd: false });
    expect(decodePaperSensor(0x1e)).toEqual({ nearEnd: true, paperEnd: false });
    expect(decodePaperSensor(0x72)).toEqual({ nearEnd: false, paperEnd: true });
    expect(decodePaperSensor(0x16)).toEqual({ nearEnd: true, paperEnd: false });
    expect(decodePaperSensor(0x32)).toEqual({ nearEnd: false, paperEnd: true });
  });

  const idle = { printer: 0x12, offline: 0x12, error: 0x12, paper: 0x12 };
  it.each([
    ['idle', idle, { state: 'online', media: 'present' }],
    ['paper low', { ...idle, paper: 0x1e }, { state: 'online', media: 'low', detailKey: 'printers:printer.paperLow' }],
    ['paper out', { ...idle, printer: 0x3a, offline: 0x32, paper: 0x72 }, { state: 'userActionRequired', media: 'absent', detailKey: 'printers:printer.paperOut' }],
    ['cover open', { ...idle, printer: 0x1a, offline: 0x16 }, { state: 'userActionRequired', media: 'present', detailKey: 'printers:printer.coverOpen' }],
    ['error', { ...idle, offline: 0x52 }, { state: 'hardwareError', media: 'present', detailKey: 'printers:printer.error' }],
    ['cutter error', { ...idle, offline: 0x52, error: 0x1a }, { state: 'hardwareError', media: 'present', detailKey: 'printers:printer.cutterError' }],
    ['unrecoverable', { ...idle, error: 0x32 }, { state: 'hardwareError', media: 'present', detailKey: 'printers:printer.unrecoverable' }],
    ['offline, no cause', { ...idle, printer: 0x1a }, { state: 'offline', media: 'present', detailKey: 'printers:printer.offline' }],
    // Either answer alone is enough: some models report paper end only on the sensor, others only as the offline cause.
    ['paper out on the sensor only', { ...idle, paper: 0x72 }, { state: 'userActionRequired', media: 'absent', detailKey: 'printers:printer.paperOut' }],
    ['paper out as the offline cause only', { ...idle, printer: 0x1a, offline: 0x32 }, { state: 'userActionRequired', media: 'absent', detailKey: 'printers:printer.paperOut' }],
  ])('%s maps to the device status', (_name, answers, expected) => {
    expect(deviceStateOf(conditionFrom(answers))).toEqual(expected);
  });
});
