import type { CameraHidProfile } from './hid-profile';

/**
 * The HID side of a document camera in software: remembers the light from the output reports it receives and
 * sends a press (down, then up) of the capture button when the developer panel asks.
 */
export class DocumentCameraHidSimulator {
  private readonly listeners = new Set<(bytes: Uint8Array) => void>();
  light = false;

  constructor(private readonly profile: CameraHidProfile) {}

  receive(report: Uint8Array): void {
    const same = (a: Uint8Array) => a.length === report.length && a.every((b, i) => b === report[i]);
    if (same(this.profile.lightOn)) this.light = true;
    else if (same(this.profile.lightOff)) this.light = false;
  }

  onOutput(listener: (bytes: Uint8Array) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  pressButton(): void {
    const b = this.profile.button;
    if (!b) return;
    const report = (down: boolean) => {
      const r = new Uint8Array(Math.max(b.offset + 1, 2));
      if (b.reportId !== undefined) r[0] = b.reportId;
      r[b.offset] = down ? b.mask : 0;
      return r;
    };
    for (const l of this.listeners) l(report(true));
    for (const l of this.listeners) l(report(false));
  }
}
