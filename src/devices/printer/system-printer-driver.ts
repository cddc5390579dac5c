import { execFile } from 'node:child_process';
import type { DeviceStatus } from '../../shared/domain/devices';
import type { DeviceDriver, FrameLogEntry, SelfTestResult } from '../core/driver';

export interface SystemPrinterOptions {
  id: string;
  /** The CUPS queue name (`lpstat -p NAME`). */
  printerName: string;
  pollMs?: number;
  lpstatCommand?: string;
  now?: () => Date;
}

/** What `lpstat -p NAME` says about a queue (CUPS, C locale). */
export function parseLpstat(output: string, printerName: string): { state: DeviceStatus['state']; detailKey?: string } {
  const line = output.split('\n').find((l) => l.startsWith(`printer ${printerName} `));
  if (!line) return { state: 'notConfigured', detailKey: 'devices-output:documentPrinter.unknownQueue' };
  if (/\bdisabled\b/.test(line)) return { state: 'offline', detailKey: 'devices-output:documentPrinter.disabled' };
  if (/\bnow printing\b/.test(line)) return { state: 'busy' };
  if (/\bis idle\b/.test(line)) return { state: 'online' };
  return { state: 'offline', detailKey: 'devices-output:documentPrinter.unknownState' };
}

/**
 * An A4 printer behind the operating system (CUPS): the kiosk prints PDFs to it with `lp` (src/main/printing) and
 * watches the queue with `lpstat`, so tiles of print items know whether it can print. Paper and toner are the
 * printer's own business under CUPS; they show up here as a disabled queue at most.
 */
export class SystemPrinterDriver implements DeviceDriver {
  readonly kind = 'documentPrinter' as const;
  readonly id: string;
  private current: DeviceStatus;
  private readonly listeners = new Set<(s: DeviceStatus) => void>();
  private readonly frames: FrameLogEntry[] = [];
  private timer: NodeJS.Timeout | null = null;
  private readonly now: () => Date;

  constructor(private readonly options: SystemPrinterOptions) {
    this.id = options.id;
    this.now = options.now ?? (() => new Date());
    this.current = { id: this.id, kind: 'documentPrinter', state: 'offline', media: 'unknown', simulated: false, since: this.now().toISOString(), detailKey: 'devices-output:documentPrinter.notChecked' };
  }

  get printerName(): string {
    return this.options.printerName;
  }

  status(): DeviceStatus {
    return { ...this.current };
  }

  onStatus(listener: (status: DeviceStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  recentFrames(): FrameLogEntry[] {
    return this.frames.slice();
  }

  async start(): Promise<void> {
    await this.refresh();
    const poll = () => {
      this.timer = setTimeout(() => void this.refresh().finally(poll), this.options.pollMs ?? 30_000);
      this.timer.unref?.();
    };
    poll();
  }

  async stop(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  async selfTest(): Promise<SelfTestResult> {
    const startedAt = this.now().toISOString();
    const status = await this.refresh();
    const ok = status.state === 'online' || status.state === 'busy';
    return { ok, steps: [{ name: 'queue', ok, ...(status.detailKey ? { detailKey: status.detailKey } : {}) }], startedAt, finishedAt: this.now().toISOString() };
  }

  async refresh(): Promise<DeviceStatus> {
    const result = await new Promise<{ ok: boolean; output: string }>((resolve) => {
      execFile(this.options.lpstatCommand ?? process.env.KIOSK_LPSTAT ?? 'lpstat', ['-p', this.options.printerName], { timeout: 10_000, env: { ...process.env, LC_ALL: 'C' } }, (error, stdout, stderr) =>
        resolve({ ok: !error || stdout.length > 0, output: `${stdout}${stderr}` }),
      );
    });
    this.frames.push({ at: this.now().toISOString(), direction: 'rx', hex: '', note: result.output.trim().slice(0, 200) });
    if (this.frames.length > 50) this.frames.shift();
    const next = result.ok ? parseLpstat(result.output, this.options.printerName) : { state: 'offline' as const, detailKey: 'devices-output:documentPrinter.noCups' };
    if (next.state !== this.current.state || next.detailKey !== this.current.detailKey) {
      this.current = { id: this.id, kind: 'documentPrinter', state: next.state, media: 'unknown', simulated: false, since: this.now().toISOString(), ...(next.detailKey ? { detailKey: next.detailKey } : {}) };
      for (const l of this.listeners) l(this.status());
    }
    return this.status();
  }
}
