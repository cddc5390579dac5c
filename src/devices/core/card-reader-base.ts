import { KioskError } from '../../shared/contract/errors';
import type { DriverContext } from '../manager/registry';
import type { ReconnectingTransport } from '../transports/reconnecting-transport';
import type { CardPresencePoller } from './card-presence-poller';
import type { SelfTestResult } from './driver';
import type { SelfTestStepName } from './self-test-steps';
import type { ExchangeResult } from './frame-channel';
import { FrameLog } from './frame-log';
import { ReportingDriver } from './reporting-driver';
import { StatusHolder } from './status-holder';

export type CardReaderContext = Pick<DriverContext, 'config' | 'simulated' | 'log' | 'now'>;
type SelfTestStep = SelfTestResult['steps'][number];
type ExchangeProblem = Extract<ExchangeResult, { ok: false }>['problem'];

/**
 * What both card readers (ID card, social security card) do alike: report status, follow their line, watch a card
 * come and go by polling, run one card operation at a time, keep the recent frames for the technician, self-test
 * their port. Each reader adds its own protocol: its presence probe, its commands and the self-test steps after the
 * port.
 */
export abstract class CardReaderBase extends ReportingDriver {
  protected readonly statusHolder: StatusHolder;
  protected readonly frames: FrameLog;
  protected abstract readonly presence: CardPresencePoller;
  /** Whether the line is up: a card operation is refused while it is not. */
  protected linkUp = false;
  private operating = false;

  protected constructor(
    protected readonly transport: ReconnectingTransport,
    protected readonly ctx: CardReaderContext,
    kind: 'idCardReader' | 'socialSecurityCardReader',
  ) {
    super({ id: ctx.config.id, now: ctx.now });
    this.statusHolder = new StatusHolder(this.id, kind, ctx.simulated, ctx.now);
    this.frames = new FrameLog(200, ctx.now);
  }

  onCard(listener: (event: { present: boolean }) => void): () => void {
    return this.presence.onCard(listener);
  }

  cardPresent(): boolean {
    return this.presence.isPresent();
  }

  async start(): Promise<void> {
    this.presence.start();
    await this.transport.open();
  }

  async stop(): Promise<void> {
    await this.presence.stop();
    await this.transport.close();
  }

  /** Follows the line: offline with the reason when it drops, `onUp` when it is back. Called once the poller exists. */
  protected watchLink(onUp: () => void): void {
    this.transport.onLink((event) => {
      this.linkUp = event.up;
      this.presence.setLink(event.up);
      if (event.up) onUp();
      else this.statusHolder.set({ state: 'offline', media: 'unknown', detailKey: 'card-readers:detail.portGone', detailParams: { reason: event.reason ?? 'unknown' } });
    });
  }

  /** True while a card operation owns the line: the presence poll skips its turn. */
  protected operationRunning(): boolean {
    return this.operating;
  }

  /**
   * Runs one card operation alone on the line: refused offline or while another runs, started only after a poll in
   * flight has settled (never interleaved with its commands), shown as busy meanwhile. Afterwards the reader is online
   * again, unless it was in hardware error before.
   */
  protected async exclusive<T>(work: () => Promise<T>): Promise<T> {
    if (!this.linkUp) throw new KioskError('device_offline', { details: { deviceId: this.id } });
    if (this.operating) throw new KioskError('device_busy', { details: { deviceId: this.id } });
    this.operating = true;
    const previous = this.statusHolder.get();
    try {
      await this.presence.settled();
      this.statusHolder.set({ state: 'busy', detailKey: 'card-readers:detail.reading' });
      return await work();
    } finally {
      this.operating = false;
      if (this.linkUp && this.statusHolder.get().state === 'busy') {
        this.statusHolder.set({ state: previous.state === 'hardwareError' ? 'hardwareError' : 'online', media: this.presence.media() });
      }
    }
  }

  /** What a failed exchange means to the caller, as its KioskError (the command named where the reader has names). */
  protected exchangeError(problem: ExchangeProblem, command?: string): KioskError {
    const named = command === undefined ? {} : { command };
    switch (problem) {
      case 'offline':
        return new KioskError('device_offline', { details: { deviceId: this.id } });
      case 'cancelled':
        return new KioskError('cancelled');
      case 'timeout':
        return new KioskError('device_timeout', { details: { deviceId: this.id, ...named } });
      default:
        return new KioskError('device_error', { details: { deviceId: this.id, ...named, problem } });
    }
  }

  /** The self-test: the port first, then (only when it is open) the reader's own steps. */
  protected async selfTestAfterPort(readerSteps: () => Promise<SelfTestStep[]>): Promise<SelfTestResult> {
    const startedAt = this.ctx.now().toISOString();
    const open = this.transport.isOpen;
    const steps: SelfTestStep[] = [{ name: 'port', ok: open, detail: this.transport.description, ...(open ? {} : { detailKey: 'card-readers:detail.portGone' }) }];
    if (open) steps.push(...(await readerSteps()));
    return { ok: steps.every((s) => s.ok), steps, startedAt, finishedAt: this.ctx.now().toISOString() };
  }
}

/** A self-test step whose command failed: the error's code says why. */
export function failedStep(name: SelfTestStepName, error: unknown): SelfTestStep {
  return { name, ok: false, detailKey: `errors:${error instanceof KioskError ? error.code : 'device_error'}` };
}
