import type { DeviceKind, DeviceStatus } from '../../shared/domain/devices';
import type { SelfTestStepName } from './self-test-steps';

/** What a technician's self-test reports: each step with its outcome, and the frames seen (hex) for the live log. */
export interface SelfTestResult {
  ok: boolean;
  steps: Array<{ name: SelfTestStepName; ok: boolean; detailKey?: string; detail?: string }>;
  startedAt: string;
  finishedAt: string;
}

/** One line of a device's live frame log (technician screen and kioskctl): direction and bytes as hex. */
export interface FrameLogEntry {
  at: string;
  direction: 'tx' | 'rx';
  hex: string;
  /** What the codec made of it, e.g. "find card: success" or "bad checksum". */
  note?: string;
}

/**
 * Every device driver, whatever its kind. Kind-specific commands live on the kind's own interface
 * (IdCardReaderDevice, ReceiptPrinterDevice, ...), which extends this one.
 */
export interface DeviceDriver {
  readonly id: string;
  readonly kind: DeviceKind;
  status(): DeviceStatus;
  /** Called only when the status really changed. */
  onStatus(listener: (status: DeviceStatus) => void): () => void;
  /** Open the transport and begin polling; never throws for a missing port (the status says offline). */
  start(): Promise<void>;
  stop(): Promise<void>;
  selfTest(signal?: AbortSignal): Promise<SelfTestResult>;
  /** The most recent frames, newest last (bounded). Frames that carry personal data (card text, photo) are logged
   *  with that payload elided: header, status and length only. */
  recentFrames(): FrameLogEntry[];
}
