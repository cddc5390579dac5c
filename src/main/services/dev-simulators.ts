import { KioskError } from '../../shared/contract/errors';
import { SAMPLE_RESIDENTS } from '../../shared/samples/residents';
import type { DeviceManager } from '../../devices/manager/device-manager';
import type { SimulatorControlByKind } from '../../devices/manager/driver-kinds';
import type { HandlerMap } from '../dispatcher';
import { methods, type MethodName } from '../../shared/contract';
import type { SimulatedFaceOutcome } from '../../devices/face/simulator';
import type { SimulatedClock } from './simulated-clock';
import { pinAnswer } from './session';

/** Every developer-panel method of the contract: the names starting with `dev.`. */
export type DevMethod = Extract<MethodName, `dev.${string}`>;
export const DEV_METHODS = (Object.keys(methods) as MethodName[]).filter((m): m is DevMethod => m.startsWith('dev.'));

type SimulatedKind = keyof SimulatorControlByKind;

/**
 * The developer panel's hands on the simulators (card readers, printers, face module, document camera), all in this
 * one module. The core registers them only under --simulate; otherwise every dev.* method answers `forbidden`
 * (notSimulatedHandlers), so a production kiosk cannot be fooled into "reading" a sample card or be told its printer
 * has paper.
 */
export function devSimulatorHandlers(deps: {
  devices: Pick<DeviceManager, 'simulatorControl' | 'simulatorOfKind' | 'driverOf'>;
  /** Asks a printer for its status now (the simulator's paper changed: screens should not wait for the next poll). */
  refreshPrinter: (deviceId: string | undefined) => Promise<void>;
  /** The kiosk's clock when the core made it (a caller that brought its own clock keeps it: advancing is refused). */
  clock: SimulatedClock | null;
}): HandlerMap<DevMethod> {
  const { devices } = deps;
  const sim = <K extends SimulatedKind>(kind: K, deviceId?: string): SimulatorControlByKind[K] => {
    const control = deviceId ? devices.simulatorControl(deviceId, kind) : devices.simulatorOfKind(kind)?.control;
    if (control) return control;
    // A reader that is not there is a configuration matter; any other device not simulated is simply not for the panel.
    if (kind === 'idCardReader' || kind === 'socialSecurityCardReader') throw new KioskError('device_not_configured', { details: { kind, ...(deviceId ? { deviceId } : {}) } });
    throw new KioskError('forbidden', { details: { reason: 'notSimulated' } });
  };
  const resident = (index: number) => {
    if (!SAMPLE_RESIDENTS[index]) throw new KioskError('not_found', { details: { residentIndex: index } });
    return index;
  };
  const done = { ok: true as const };
  /** A card reader's simulator as the panel moves it: a sample resident's card put in, or taken out. */
  const cardMoves = (kind: 'idCardReader' | 'socialSecurityCardReader') => ({
    insert: (input: { deviceId?: string | undefined; residentIndex: number }) => {
      sim(kind, input.deviceId).insert(resident(input.residentIndex));
      return done;
    },
    remove: (input: { deviceId?: string | undefined }) => {
      sim(kind, input.deviceId).remove();
      return done;
    },
  });
  const idCard = cardMoves('idCardReader');
  const ssCard = cardMoves('socialSecurityCardReader');
  return {
    'dev.samples': () => {
      return { residents: SAMPLE_RESIDENTS.map((r) => ({ index: r.index, name: r.name, documentType: r.documentType, note: r.note })) };
    },
    'dev.idCard.insert': idCard.insert,
    'dev.idCard.remove': idCard.remove,
    'dev.idCard.fault': (input) => {
      sim('idCardReader', input.deviceId).setFault(input.fault, input.slowMs);
      return done;
    },
    'dev.ssCard.insert': ssCard.insert,
    'dev.ssCard.remove': ssCard.remove,
    'dev.ssCard.fault': (input) => {
      const control = sim('socialSecurityCardReader', input.deviceId);
      control.setFault(input.fault, input.slowMs);
      if (input.pinTries !== undefined) control.setPinTries(input.pinTries);
      return done;
    },
    'dev.ssCard.verifyPin': async (input) => {
      // Only a simulated reader's card is asked (never a real one's), through its driver as a real check would.
      const reader = input.deviceId ?? devices.simulatorOfKind('socialSecurityCardReader')?.id;
      if (!reader || !devices.simulatorControl(reader, 'socialSecurityCardReader')) throw new KioskError('device_not_configured', { details: { kind: 'socialSecurityCardReader' } });
      return pinAnswer(await devices.driverOf(reader, 'socialSecurityCardReader').verifyPin(input.pin));
    },
    'dev.cards.state': () => {
      const id = devices.simulatorOfKind('idCardReader');
      const ss = devices.simulatorOfKind('socialSecurityCardReader');
      return {
        idCard: id ? { deviceId: id.id, ...id.control.state() } : null,
        ssCard: ss ? { deviceId: ss.id, ...ss.control.state() } : null,
      };
    },
    'dev.printer.paper': async (input) => {
      sim('receiptPrinter', input.deviceId).setPaper(input.state);
      await deps.refreshPrinter(input.deviceId);
      return done;
    },
    'dev.printer.cover': async (input) => {
      sim('receiptPrinter', input.deviceId).setCoverOpen(input.open);
      await deps.refreshPrinter(input.deviceId);
      return done;
    },
    'dev.printer.runOutAfterLines': (input) => {
      sim('receiptPrinter', input.deviceId).runOutAfterLines(input.lines);
      return done;
    },
    'dev.printer.transcript': (input) => {
      const printer = sim('receiptPrinter', input.deviceId);
      const state = printer.getState();
      const result = { text: printer.transcript(), bytesReceived: printer.rawBytes().length, paper: state.paper, coverOpen: state.coverOpen };
      if (input.clear) printer.clear();
      return result;
    },
    'dev.documentPrinter.online': (input) => {
      sim('documentPrinter').setOnline(input.online);
      return done;
    },
    'dev.documentPrinter.jobs': (input) => {
      const queue = sim('documentPrinter');
      // The bytes on request: an e2e reads the paper back (pdftotext) rather than trusting the title.
      const jobs = queue.jobs.map((j) => ({
        title: j.title,
        bytes: j.bytes.length,
        isPdf: Buffer.from(j.bytes.subarray(0, 5)).toString('latin1') === '%PDF-',
        at: j.at,
        ...(input.withData ? { dataBase64: Buffer.from(j.bytes).toString('base64') } : {}),
      }));
      if (input.clear) queue.clear();
      return { jobs };
    },
    'dev.face.nextOutcome': (input) => {
      sim('faceCamera', input.deviceId).setNextOutcome(input.outcome as SimulatedFaceOutcome);
      return done;
    },
    'dev.camera.press': (input) => {
      sim('documentCamera', input.deviceId).pressButton();
      return done;
    },
    'dev.clock.advance': (input) => {
      if (!deps.clock) throw new KioskError('forbidden', { details: { reason: 'clockNotSimulated' } });
      return { now: deps.clock.advance(input.minutes * 60_000).toISOString() };
    },
  };
}

/** Without --simulate: every dev.* method is refused, the same way. */
export function notSimulatedHandlers(): HandlerMap<DevMethod> {
  const refuse = () => {
    throw new KioskError('forbidden', { details: { reason: 'notSimulated' } });
  };
  return Object.fromEntries(DEV_METHODS.map((m) => [m, refuse])) as unknown as HandlerMap<DevMethod>;
}
