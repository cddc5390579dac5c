import type { DeviceManager } from '../../devices/manager/device-manager';
import type { DeviceConfig, SiteConfig } from '../../shared/config/site-config';
import { KioskError } from '../../shared/contract/errors';
import { maskIdNumber, maskName } from '../../shared/domain/mask';
import type { HandlerMap } from '../dispatcher';
import type { SiteConfigFile } from '../config/site-config-file';

type TechnicianMethod = 'devices.detail' | 'devices.test' | 'devices.assign';

export interface TechnicianDevicesDeps {
  devices: DeviceManager;
  configFile: SiteConfigFile;
  /** The config in force; replaced in memory after a save so later saves start from it. */
  config: () => SiteConfig;
  setConfig: (config: SiteConfig) => void;
  /** Prints the receipt printer's test page; answers the job id. */
  printTestPage: (deviceId: string) => string;
}

type TestLine = { key: string; value: string };

/** The technician's device work: details with counters, each kind's own test (masked), moving a device to a port. */
export function technicianDeviceHandlers(deps: TechnicianDevicesDeps): HandlerMap<TechnicianMethod> {
  const { devices } = deps;
  return {
    'devices.detail': (input) => {
      const detail = devices.detail(input.deviceId);
      return { status: devices.status(input.deviceId), transport: detail.config.transport, model: detail.config.model ?? null, counters: detail.counters };
    },
    'devices.test': async (input) => {
      try {
        return { ok: true, lines: await runTest(deps, input.deviceId) };
      } catch (error) {
        const code = error instanceof KioskError ? error.code : 'device_error';
        return { ok: false, lines: [], errorCode: code };
      }
    },
    'devices.assign': async (input) => {
      const current = devices.configOf(input.deviceId);
      if (!devices.supportsTransport(current.kind, input.transport.type)) {
        throw new KioskError('invalid_params', { details: { issues: [{ path: 'transport.type', message: `${current.kind} cannot run on ${input.transport.type}` }] } });
      }
      const next: DeviceConfig = { ...current, transport: input.transport };
      // Validate and save first: a config that cannot be written or read back leaves the running device alone.
      const { config, previousKeptAt } = deps.configFile.saveDevice(next, deps.config());
      deps.setConfig(config);
      const saved = config.devices.find((d) => d.id === input.deviceId) ?? next;
      const status = await devices.reassign(saved);
      return { status, savedTo: deps.configFile.file, previousKeptAt };
    },
  };
}

async function runTest(deps: TechnicianDevicesDeps, deviceId: string): Promise<TestLine[]> {
  const { devices } = deps;
  const kind = devices.configOf(deviceId).kind;
  switch (kind) {
    case 'idCardReader': {
      const read = await devices.driverOf(deviceId, 'idCardReader').readCard();
      const text = read.text;
      const foreign = text.cardType === 'foreignPermanentResident';
      // A technician sees that the card was read and decoded, never whose it is.
      return [
        { key: 'test.cardType', value: text.cardType },
        { key: 'test.name', value: maskName(foreign ? text.chineseName || text.englishName : text.name) },
        { key: 'test.idNumber', value: maskIdNumber(foreign ? text.number : text.idNumber) },
        { key: 'test.validUntil', value: text.validUntil },
        { key: 'test.photoBytes', value: String(read.photoWlt.length) },
      ];
    }
    case 'socialSecurityCardReader': {
      const reader = devices.driverOf(deviceId, 'socialSecurityCardReader');
      const info = await reader.readBasicInfo();
      return [
        { key: 'test.name', value: maskName(info.name) },
        { key: 'test.socialSecurityNumber', value: maskIdNumber(info.socialSecurityNumber) },
        { key: 'test.cardNumber', value: `${info.cardNumber.slice(0, 2)}****${info.cardNumber.slice(-2)}` },
        { key: 'test.specVersion', value: info.specVersion },
        { key: 'test.expiryDate', value: info.expiryDate },
      ];
    }
    case 'receiptPrinter':
      return [{ key: 'test.printJob', value: deps.printTestPage(deviceId) }];
    case 'faceCamera':
    case 'documentPrinter': {
      const result = await devices.selfTest(deviceId);
      if (!result.ok) throw new KioskError('device_error', { details: { deviceId } });
      // Each step passed (a failed one threw above), said in words; a firmware version is shown as the identity.
      return result.steps.flatMap((s) => [
        { key: `selfTest.step.${s.name}`, value: 'passed', valueKey: 'selfTest.stepOk' },
        ...(s.detail ? [{ key: 'device.identity', value: s.detail }] : []),
      ]);
    }
    case 'documentCamera': {
      const camera = devices.driverOf(deviceId, 'documentCamera');
      const on = await camera.setLight(true);
      const off = await camera.setLight(false);
      return [{ key: 'test.light', value: on && off ? 'ok' : 'videoOnly' }];
    }
  }
}
