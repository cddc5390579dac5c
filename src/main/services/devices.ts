import type { DeviceManager } from '../../devices/manager/device-manager';
import { discoverPorts } from '../../devices/transports/port-discovery';
import type { HandlerMap } from '../dispatcher';

type DevicesMethod = 'devices.list' | 'devices.selfTest' | 'devices.ports' | 'devices.frames';

/** Devices for screens (readiness) and technicians (self-test, ports, live frames). */
export function devicesHandlers(devices: DeviceManager): HandlerMap<DevicesMethod> {
  return {
    'devices.list': () => ({ devices: devices.list() }),
    'devices.selfTest': (input) => devices.selfTest(input.deviceId),
    'devices.ports': () => discoverPorts(),
    'devices.frames': (input) => ({ frames: devices.frames(input.deviceId).slice(-input.limit) }),
  };
}
