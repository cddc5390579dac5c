import type { DeviceStatus } from '../../shared/domain/devices';
import type { DeviceDriver, SelfTestResult } from '../core/driver';
import { FrameLog } from '../core/frame-log';
import { StatusHolder } from '../core/status-holder';
import type { ByteTransport } from '../core/transport';
import { buttonDown, type CameraHidProfile } from './hid-profile';
import { ReportingDriver } from '../core/reporting-driver';

export interface DocumentCameraOptions {
  id: string;
  /** The HID side; null when the model has none (video only, read by the screen through getUserMedia). */
  transport: ByteTransport | null;
  profile: CameraHidProfile;
  simulated: boolean;
  /** The HID link coming and going (ReconnectingTransport): a replugged camera comes back online by itself. */
  link?: { onLink(listener: (event: { up: boolean; reason?: string }) => void): () => void };
  now?: () => Date;
}

/**
 * The document camera as the core sees it: the light and the capture button over HID. The video itself is read by
 * the screen (src/renderer/camera); the core cannot see it, and its status says so instead of claiming it works.
 */
export class DocumentCameraDriver extends ReportingDriver implements DeviceDriver {
  readonly kind = 'documentCamera' as const;
  protected readonly statusHolder: StatusHolder;
  private readonly buttonListeners = new Set<() => void>();
  protected readonly frames: FrameLog;
  private pressed = false;
  private light = false;
  private unsubscribers: Array<() => void> = [];

  constructor(private readonly options: DocumentCameraOptions) {
    super(options);
    this.statusHolder = new StatusHolder(this.id, 'documentCamera', options.simulated, this.now, 'notApplicable', {
      state: options.transport ? 'offline' : 'online',
      detailKey: options.transport ? 'cameras:camera.hidMissing' : 'cameras:camera.videoOnly',
    });
    this.frames = new FrameLog(100, this.now);
  }

  /** The capture button went down (one call per press). */
  onButton(listener: () => void): () => void {
    this.buttonListeners.add(listener);
    return () => this.buttonListeners.delete(listener);
  }

  async start(): Promise<void> {
    const t = this.options.transport;
    if (!t) return;
    this.unsubscribers.push(
      t.onData((report) => this.onReport(report)),
      t.onClose(() => this.set('offline', 'cameras:camera.hidMissing')),
    );
    if (this.options.link) {
      this.unsubscribers.push(
        this.options.link.onLink((event) => {
          // A pulled camera forgets its light and may have lost a button release: start from off and up.
          this.light = false;
          this.pressed = false;
          this.set(event.up ? 'online' : 'offline', event.up ? undefined : 'cameras:camera.hidMissing');
        }),
      );
    }
    await t.open().catch(() => undefined);
    this.set(t.isOpen ? 'online' : 'offline', t.isOpen ? undefined : 'cameras:camera.hidMissing');
  }

  async stop(): Promise<void> {
    for (const u of this.unsubscribers.splice(0)) u();
    await this.options.transport?.close().catch(() => undefined);
  }

  lightIsOn(): boolean {
    return this.light;
  }

  /** Switches the light; false when the model has no HID side or it is not connected. */
  async setLight(on: boolean): Promise<boolean> {
    const t = this.options.transport;
    if (!t || !t.isOpen) return false;
    const report = on ? this.options.profile.lightOn : this.options.profile.lightOff;
    this.frames.add('tx', report, on ? 'light on' : 'light off');
    try {
      await t.write(report);
      this.light = on;
      return true;
    } catch {
      this.set('offline', 'cameras:camera.hidMissing');
      return false;
    }
  }

  async selfTest(): Promise<SelfTestResult> {
    const startedAt = this.now().toISOString();
    const steps: SelfTestResult['steps'] = [];
    if (!this.options.transport) {
      steps.push({ name: 'hid', ok: true, detailKey: 'cameras:camera.videoOnly' });
    } else {
      const on = await this.setLight(true);
      const off = await this.setLight(false);
      steps.push({ name: 'light', ok: on && off, ...(on && off ? {} : { detailKey: 'cameras:camera.hidMissing' }) });
    }
    return { ok: steps.every((s) => s.ok), steps, startedAt, finishedAt: this.now().toISOString() };
  }

  private onReport(report: Buffer): void {
    const down = buttonDown(this.options.profile, report);
    this.frames.add('rx', report, down === null ? 'report ignored' : down ? 'button down' : 'button up');
    if (down === null) return;
    if (down && !this.pressed) for (const l of this.buttonListeners) l();
    this.pressed = down;
  }

  private set(state: DeviceStatus['state'], detailKey?: string): void {
    this.statusHolder.set({ state, ...(detailKey ? { detailKey } : {}) });
  }
}
