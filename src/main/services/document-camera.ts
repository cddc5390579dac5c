import type { DeviceManager } from '../../devices/manager/device-manager';
import type { DocumentCameraDriver } from '../../devices/camera/driver';
import { DocumentCameraOptionsSchema } from '../../devices/camera/registration';
import type { SiteConfig } from '../../shared/config/site-config';
import type { HandlerMap } from '../dispatcher';
import type { EventBus } from '../event-bus';

/** The document camera's light and button: the button is pushed to screens as `camera.buttonPressed`. */
export function documentCameraHandlers(deps: {
  devices: Pick<DeviceManager, 'list' | 'driverOf'>;
  events: EventBus;
  config?: SiteConfig;
}): {
  handlers: HandlerMap<'camera.settings' | 'camera.light'>;
  attach(): void;
} {
  const cameras = (): DocumentCameraDriver[] =>
    deps.devices
      .list()
      .filter((s) => s.kind === 'documentCamera' && s.state !== 'notConfigured')
      .map((s) => deps.devices.driverOf(s.id, 'documentCamera'));
  return {
    attach: () => {
      for (const camera of cameras()) camera.onButton(() => deps.events.emit('camera.buttonPressed', { deviceId: camera.id }));
    },
    handlers: {
      'camera.settings': () => {
        const configured = deps.config?.devices.find((d) => d.kind === 'documentCamera');
        const options = DocumentCameraOptionsSchema.safeParse(configured?.options ?? {});
        const o = options.success ? options.data : DocumentCameraOptionsSchema.parse({});
        const media = configured?.transport.type === 'media' ? configured.transport : null;
        return { label: media?.label ?? o.videoLabel ?? null, deviceId: media?.deviceId ?? null, width: o.width, height: o.height, maxBytes: o.maxBytes };
      },
      'camera.light': async (input) => {
        const results = await Promise.all(cameras().map((c) => c.setLight(input.on)));
        return { switched: results.some(Boolean) };
      },
    },
  };
}
