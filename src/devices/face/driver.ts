import { KioskError } from '../../shared/contract/errors';
import type { DeviceStatus } from '../../shared/domain/devices';
import type { DeviceDriver, SelfTestResult } from '../core/driver';
import { FrameLog } from '../core/frame-log';
import { FrameReader } from '../core/frame-reader';
import { startLineTimeout } from '../core/line-timeout';
import { describeParseProblem, type ParseResult } from '../core/length-frame-parser';
import { StatusHolder } from '../core/status-holder';
import type { ByteTransport } from '../core/transport';
import { createFaceFrameParser, toFaceFrame } from './frame-parser';
import { Command, decodeReply, encodeCommand, type FacePurpose, type HostCommand, type LivenessActions, type ModuleReply, type ProgressStep } from './protocol';
import { ReportingDriver } from '../core/reporting-driver';

export interface FaceCaptureRequest {
  purpose: FacePurpose;
  /** How long the module may try before it gives up (it then answers noFace). */
  timeoutSeconds?: number;
  actions?: Partial<LivenessActions>;
  signal?: AbortSignal;
  onProgress?: (step: ProgressStep) => void;
}

export interface FaceCaptureResult {
  jpeg: Uint8Array;
  livenessScore: number;
  qualityScore: number;
}

export interface FaceModuleOptions {
  id: string;
  transport: ByteTransport;
  simulated: boolean;
  /** The module's own pass is not enough: its scores must also reach these (county rules may ask for more). */
  minLiveness?: number;
  minQuality?: number;
  /** How long to wait for an answer to a command (ACK, STATUS, IMAGE). */
  answerTimeoutMs?: number;
  /** Idle status polling interval. */
  pollMs?: number;
  /** The port coming and going (ReconnectingTransport): unplugging is seen at once, not at the next poll. */
  link?: { onLink(listener: (event: { up: boolean; reason?: string }) => void): () => void };
  now?: () => Date;
}

const IMAGE_CHUNK = 2048;
const MAX_IMAGE_BYTES = 2 * 1024 * 1024;

type Waiter = { accept: (r: ModuleReply) => boolean; resolve: (r: ModuleReply) => void };

/**
 * Driver for a serial face-capture module speaking the reference protocol (docs/devices/face-module.md). The module
 * judges liveness itself; the driver runs one session at a time, passes progress steps on, checks the scores
 * against the configured minimums and fetches the JPEG. The kiosk never claims a face match: the county does that.
 */
export class FaceModuleDriver extends ReportingDriver implements DeviceDriver {
  readonly kind = 'faceCamera' as const;
  private readonly transport: ByteTransport;
  private readonly reader = new FrameReader(createFaceFrameParser(), (results) => this.onResults(results));
  private readonly answerTimeoutMs: number;
  private readonly pollMs: number;
  private readonly minLiveness: number;
  private readonly minQuality: number;
  protected readonly statusHolder: StatusHolder;
  private readonly waiters = new Set<Waiter>();
  protected readonly frames: FrameLog;
  private progressListener: ((step: ProgressStep) => void) | null = null;
  private capturing = false;
  private seq = 0;
  private pollTimer: NodeJS.Timeout | null = null;
  private started = false;
  private unsubscribers: Array<() => void> = [];

  constructor(private readonly options: FaceModuleOptions) {
    super(options);
    this.transport = options.transport;
    this.answerTimeoutMs = options.answerTimeoutMs ?? 1500;
    this.pollMs = options.pollMs ?? 10_000;
    this.minLiveness = options.minLiveness ?? 0.9;
    this.minQuality = options.minQuality ?? 0.5;
    this.statusHolder = new StatusHolder(this.id, 'faceCamera', options.simulated, this.now, 'notApplicable', { detailKey: 'cameras:face.notStarted' });
    this.frames = new FrameLog(200, this.now);
  }

  async start(): Promise<void> {
    if (this.started) return;
    this.started = true;
    this.unsubscribers.push(this.transport.onData((chunk) => this.reader.push(chunk)));
    if (this.options.link) {
      this.unsubscribers.push(
        this.options.link.onLink((event) => {
          if (!event.up) {
            this.reader.reset();
            this.setState('offline', 'cameras:face.portMissing');
          } else void this.refreshStatus();
        }),
      );
    }
    try {
      await this.transport.open();
    } catch {
      this.setState('offline', 'cameras:face.portMissing');
    }
    await this.refreshStatus();
    this.schedulePoll();
  }

  async stop(): Promise<void> {
    this.started = false;
    if (this.pollTimer) clearTimeout(this.pollTimer);
    for (const u of this.unsubscribers.splice(0)) u();
    this.reader.dispose();
    await this.transport.close().catch(() => undefined);
  }

  async selfTest(): Promise<SelfTestResult> {
    const startedAt = this.now().toISOString();
    const reply = await this.request({ type: 'status' }, (r) => r.type === 'status').catch(() => null);
    const ok = reply?.type === 'status' && reply.state !== 'fault';
    const step: SelfTestResult['steps'][number] = { name: 'status', ok, ...(ok ? {} : { detailKey: reply ? 'cameras:face.moduleError' : 'cameras:face.noAnswer' }) };
    // The version alone: the technician's screen labels it (technician:device.identity).
    if (reply?.type === 'status') step.detail = reply.firmware;
    return { ok, steps: [step], startedAt, finishedAt: this.now().toISOString() };
  }

  async refreshStatus(): Promise<DeviceStatus> {
    if (this.capturing) return this.status();
    const reply = await this.request({ type: 'status' }, (r) => r.type === 'status').catch(() => null);
    if (!reply || reply.type !== 'status') this.setState('offline', 'cameras:face.noAnswer');
    else if (reply.state === 'fault') this.setState('hardwareError', 'cameras:face.moduleError');
    else this.setState('online');
    return this.status();
  }

  /** One capture session: progress steps through `onProgress`, then the image with its scores, or a KioskError. */
  async capture(request: FaceCaptureRequest): Promise<FaceCaptureResult> {
    if (this.capturing) throw new KioskError('device_busy', { details: { deviceId: this.id } });
    if (request.signal?.aborted) throw new KioskError('cancelled');
    this.capturing = true;
    this.setState('busy');
    const timeoutSeconds = request.timeoutSeconds ?? 30;
    const actions: LivenessActions = { blink: true, turnLeft: false, turnRight: false, openMouth: false, ...request.actions };
    this.progressListener = request.onProgress ?? null;
    const onAbort = () => void this.send({ type: 'cancel' }).catch(() => undefined);
    request.signal?.addEventListener('abort', onAbort, { once: true });
    try {
      const ack = await this.request({ type: 'start', purpose: request.purpose, timeoutSeconds, actions }, (r) => r.type === 'ack' && r.command === Command.start).catch(() => null);
      if (!ack) {
        this.setState('offline', 'cameras:face.noAnswer');
        throw new KioskError('device_timeout', { details: { deviceId: this.id, reason: 'noAnswer' } });
      }
      if (ack.type === 'ack' && ack.result !== 'ok') throw new KioskError(ack.result === 'busy' ? 'device_busy' : 'device_error', { details: { deviceId: this.id, ack: ack.result } });

      // The module decides within its timeout; allow a margin for the result frame before calling it silent.
      const result = await this.waitFor((r) => r.type === 'result', timeoutSeconds * 1000 + this.answerTimeoutMs * 2, request.signal).catch((error: unknown) => {
        if (request.signal?.aborted) throw new KioskError('cancelled');
        void this.send({ type: 'cancel' }).catch(() => undefined);
        this.setState('offline', 'cameras:face.noAnswer');
        throw new KioskError('device_timeout', { details: { deviceId: this.id, reason: 'noResult' }, cause: error });
      });
      if (result.type !== 'result') throw new KioskError('internal');
      switch (result.outcome) {
        case 'cancelled':
          throw new KioskError('cancelled');
        case 'fault':
          this.setState('hardwareError', 'cameras:face.moduleError');
          throw new KioskError('device_error', { details: { deviceId: this.id } });
        case 'noFace':
          throw new KioskError('liveness_failed', { retryable: true, details: { reason: 'noFace' } });
        case 'spoof':
          throw new KioskError('liveness_failed', { retryable: true, details: { reason: 'spoof', livenessScore: result.liveness } });
        case 'pass':
          break;
      }
      if (result.liveness < this.minLiveness || result.quality < this.minQuality) {
        throw new KioskError('liveness_failed', { retryable: true, details: { reason: 'lowScore', livenessScore: result.liveness, qualityScore: result.quality } });
      }
      if (result.imageSize === 0 || result.imageSize > MAX_IMAGE_BYTES) throw new KioskError('device_error', { details: { deviceId: this.id, reason: 'imageSize' } });
      const jpeg = await this.fetchImage(result.imageSize);
      return { jpeg, livenessScore: result.liveness, qualityScore: result.quality };
    } finally {
      request.signal?.removeEventListener('abort', onAbort);
      this.progressListener = null;
      this.capturing = false;
      if (this.statusHolder.get().state === 'busy') this.setState('online');
    }
  }

  private async fetchImage(size: number): Promise<Uint8Array> {
    const image = new Uint8Array(size);
    let offset = 0;
    while (offset < size) {
      const want = Math.min(IMAGE_CHUNK, size - offset);
      const at = offset;
      const reply = await this.request({ type: 'getImage', offset: at, length: want }, (r) => (r.type === 'image' && r.offset === at) || (r.type === 'ack' && r.command === Command.getImage));
      if (reply.type !== 'image' || reply.data.length === 0 || reply.data.length > want) {
        throw new KioskError('device_error', { details: { deviceId: this.id, reason: 'imageTransfer' } });
      }
      image.set(reply.data, at);
      offset += reply.data.length;
    }
    if (image[0] !== 0xff || image[1] !== 0xd8) throw new KioskError('device_error', { details: { deviceId: this.id, reason: 'notJpeg' } });
    return image;
  }

  private async request(command: HostCommand, accept: (r: ModuleReply) => boolean): Promise<ModuleReply> {
    const reply = this.waitFor(accept, this.answerTimeoutMs);
    try {
      await this.send(command);
    } catch (error) {
      reply.catch(() => undefined);
      throw error;
    }
    return reply;
  }

  private waitFor(accept: (r: ModuleReply) => boolean, timeoutMs: number, signal?: AbortSignal): Promise<ModuleReply> {
    return new Promise((resolve, reject) => {
      const done = () => {
        cancelTimeout();
        this.waiters.delete(waiter);
        signal?.removeEventListener('abort', onAbort);
      };
      const waiter: Waiter = { accept, resolve: (r) => (done(), resolve(r)) };
      const cancelTimeout = startLineTimeout(timeoutMs, () => (done(), reject(new KioskError('device_timeout'))));
      // After an abort the module still answers with a 'cancelled' result; give it a moment, then stop waiting.
      const onAbort = () => {
        cancelTimeout();
        setTimeout(() => (done(), reject(new KioskError('cancelled'))), this.answerTimeoutMs);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.waiters.add(waiter);
    });
  }

  private async send(command: HostCommand): Promise<void> {
    const bytes = encodeCommand(command, this.seq++ & 0xff);
    this.frames.add('tx', bytes, command.type);
    await this.transport.write(bytes);
  }

  private onResults(results: ParseResult[]): void {
    for (const item of results) {
      if (item.type !== 'frame') {
        this.frames.note('rx', describeParseProblem(item));
        continue;
      }
      const frame = toFaceFrame(item.frame);
      const decoded = decodeReply(frame);
      if (!decoded.ok) {
        this.frames.note('rx', `ignored: ${decoded.reason}`);
        continue;
      }
      const reply = decoded.value;
      // The face image is personal data: log its length only.
      if (reply.type === 'image') this.frames.note('rx', `image ${reply.data.length} bytes at ${reply.offset}`);
      else this.frames.add('rx', Uint8Array.of(frame.type, ...frame.payload), reply.type === 'progress' ? `progress ${reply.step}` : reply.type);
      if (reply.type === 'progress') this.progressListener?.(reply.step);
      for (const waiter of [...this.waiters]) {
        if (waiter.accept(reply)) {
          waiter.resolve(reply);
          break;
        }
      }
    }
  }

  private schedulePoll(): void {
    if (!this.started) return;
    this.pollTimer = setTimeout(() => {
      void this.refreshStatus().finally(() => this.schedulePoll());
    }, this.pollMs);
    this.pollTimer.unref?.();
  }

  private setState(state: DeviceStatus['state'], detailKey?: string): void {
    this.statusHolder.set({ state, ...(detailKey ? { detailKey } : {}) });
  }
}
