import { KioskError } from '../../shared/contract/errors';
import { SAMPLE_RESIDENTS } from '../../shared/samples/residents';
import type { DeviceManager } from '../../devices/manager/device-manager';
import type { SimulatorControlByKind } from '../../devices/manager/driver-kinds';
import type { HandlerMap } from '../dispatcher';

type DevMethod = 'dev.samples' | 'dev.idCard.insert' | 'dev.idCard.remove' | 'dev.idCard.fault' | 'dev.ssCard.insert' | 'dev.ssCard.remove' | 'dev.ssCard.fault' | 'dev.cards.state';

/**
 * The developer panel's hands on the card reader simulators. Every method answers `forbidden` unless the kiosk
 * runs with simulated devices, so a production kiosk cannot be fooled into "reading" a sample card.
 */
export function devSimulatorHandlers(devices: DeviceManager, simulate: boolean): HandlerMap<DevMethod> {
  const guard = () => {
    if (!simulate) throw new KioskError('forbidden', { details: { reason: 'notSimulated' } });
  };
  const sim = <K extends 'idCardReader' | 'socialSecurityCardReader'>(kind: K, deviceId?: string): SimulatorControlByKind[K] => {
    guard();
    const control = deviceId ? devices.simulatorControl(deviceId, kind) : devices.simulatorOfKind(kind)?.control;
    if (!control) throw new KioskError('device_not_configured', { details: { kind, ...(deviceId ? { deviceId } : {}) } });
    return control;
  };
  const resident = (index: number) => {
    if (!SAMPLE_RESIDENTS[index]) throw new KioskError('not_found', { details: { residentIndex: index } });
    return index;
  };
  const done = { ok: true as const };
  return {
    'dev.samples': () => {
      guard();
      return { residents: SAMPLE_RESIDENTS.map((r) => ({ index: r.index, name: r.name, documentType: r.documentType, note: r.note })) };
    },
    'dev.idCard.insert': (input) => {
      sim('idCardReader', input.deviceId).insert(resident(input.residentIndex));
      return done;
    },
    'dev.idCard.remove': (input) => {
      sim('idCardReader', input.deviceId).remove();
      return done;
    },
    'dev.idCard.fault': (input) => {
      sim('idCardReader', input.deviceId).setFault(input.fault, input.slowMs);
      return done;
    },
    'dev.ssCard.insert': (input) => {
      sim('socialSecurityCardReader', input.deviceId).insert(resident(input.residentIndex));
      return done;
    },
    'dev.ssCard.remove': (input) => {
      sim('socialSecurityCardReader', input.deviceId).remove();
      return done;
    },
    'dev.ssCard.fault': (input) => {
      const control = sim('socialSecurityCardReader', input.deviceId);
      control.setFault(input.fault, input.slowMs);
      if (input.pinTries !== undefined) control.setPinTries(input.pinTries);
      return done;
    },
    'dev.cards.state': () => {
      guard();
      const id = devices.simulatorOfKind('idCardReader');
      const ss = devices.simulatorOfKind('socialSecurityCardReader');
      return {
        idCard: id ? { deviceId: id.id, ...id.control.state() } : null,
        ssCard: ss ? { deviceId: ss.id, ...ss.control.state() } : null,
      };
    },
  };
}
