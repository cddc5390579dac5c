import { KioskError } from '../../shared/contract/errors';
import { SAMPLE_RESIDENTS } from '../../shared/samples/residents';
import type { DeviceManager } from '../../devices/manager/device-manager';
import type { IdCardSimulatorControl } from '../../devices/simulators/id-card-simulator';
import type { SocialSecurityCardSimulatorControl } from '../../devices/simulators/social-security-card-simulator';
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
  const sim = <C>(kind: 'idCardReader' | 'socialSecurityCardReader', deviceId?: string): C => {
    guard();
    const control = deviceId ? devices.simulatorControl<C>(deviceId) : devices.simulatorOfKind<C>(kind)?.control;
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
      sim<IdCardSimulatorControl>('idCardReader', input.deviceId).insert(resident(input.residentIndex));
      return done;
    },
    'dev.idCard.remove': (input) => {
      sim<IdCardSimulatorControl>('idCardReader', input.deviceId).remove();
      return done;
    },
    'dev.idCard.fault': (input) => {
      sim<IdCardSimulatorControl>('idCardReader', input.deviceId).setFault(input.fault, input.slowMs);
      return done;
    },
    'dev.ssCard.insert': (input) => {
      sim<SocialSecurityCardSimulatorControl>('socialSecurityCardReader', input.deviceId).insert(resident(input.residentIndex));
      return done;
    },
    'dev.ssCard.remove': (input) => {
      sim<SocialSecurityCardSimulatorControl>('socialSecurityCardReader', input.deviceId).remove();
      return done;
    },
    'dev.ssCard.fault': (input) => {
      const control = sim<SocialSecurityCardSimulatorControl>('socialSecurityCardReader', input.deviceId);
      control.setFault(input.fault, input.slowMs);
      if (input.pinTries !== undefined) control.setPinTries(input.pinTries);
      return done;
    },
    'dev.cards.state': () => {
      guard();
      const id = devices.simulatorOfKind<IdCardSimulatorControl>('idCardReader');
      const ss = devices.simulatorOfKind<SocialSecurityCardSimulatorControl>('socialSecurityCardReader');
      return {
        idCard: id ? { deviceId: id.id, ...id.control.state() } : null,
        ssCard: ss ? { deviceId: ss.id, ...ss.control.state() } : null,
      };
    },
  };
}
