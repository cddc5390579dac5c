/**
 * The slice of a structured logger the device layer needs. src/devices may not import the core's logger, so the
 * core hands in its pino logger (which fits this shape); tests can pass `silentLog`.
 * Personal data never goes in here unmasked: drivers log masked values or lengths only.
 */
export interface DeviceLog {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
  child(bindings: Record<string, unknown>): DeviceLog;
}

export const silentLog: DeviceLog = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
  child: () => silentLog,
};
