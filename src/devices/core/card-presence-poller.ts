import { KioskError } from '../../shared/contract/errors';
import type { StatusHolder } from './status-holder';

export interface CardPresenceOptions {
  pollIntervalMs: number;
  /** Misses in a row before a card counts as taken out (a card being read can miss one poll). */
  removalMisses: number;
  /** Polls in a row without an answer before the reader counts as offline. */
  silentPollsOffline: number;
}

export interface CardPresenceProbe {
  /** Asks the reader whether a card is there; a KioskError device_timeout when it does not answer. */
  probe(): Promise<boolean>;
  /** After an answered probe: protocol checks the reader needs (e.g. the SAM after silence). */
  afterAnswer?(): Promise<void>;
  /** True while a read owns the line: the poll skips its turn. */
  paused(): boolean;
}

/**
 * The card readers' one polling loop: a card put in is reported at once, taken out after `removalMisses` misses,
 * only on change; silence for `silentPollsOffline` polls makes the reader offline. Each reader brings its own probe
 * (find card for the ID reader, card status for the social security reader); the loop is the same.
 */
export class CardPresencePoller {
  private present = false;
  private misses = 0;
  private silentPolls = 0;
  private timer: NodeJS.Timeout | null = null;
  private polling: Promise<void> | null = null;
  private running = false;
  private linkUp = false;
  private readonly listeners = new Set<(event: { present: boolean }) => void>();

  constructor(
    private readonly options: CardPresenceOptions,
    private readonly status: StatusHolder,
    private readonly reader: CardPresenceProbe,
  ) {}

  isPresent(): boolean {
    return this.present;
  }

  onCard(listener: (event: { present: boolean }) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The media state that goes with the current presence. */
  media(): 'present' | 'absent' {
    return this.present ? 'present' : 'absent';
  }

  start(): void {
    this.running = true;
  }

  async stop(): Promise<void> {
    this.running = false;
    this.cancel();
    await this.settled();
  }

  /** The port came or went; going away forgets the card and stops polling until it is back. */
  setLink(up: boolean): void {
    this.linkUp = up;
    if (!up) {
      this.cancel();
      this.setPresent(false);
    }
  }

  /** Waits for a poll in flight (a read never interleaves with a poll's commands). */
  async settled(): Promise<void> {
    await this.polling?.catch(() => undefined);
  }

  schedule(delay = this.options.pollIntervalMs): void {
    if (!this.running || !this.linkUp || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.polling = this.pollOnce().finally(() => {
        this.polling = null;
        this.schedule();
      });
    }, delay);
    this.timer.unref?.();
  }

  setPresent(present: boolean): void {
    if (present === this.present) return;
    this.present = present;
    this.misses = 0;
    if (this.status.get().state !== 'offline') this.status.setMedia(present ? 'present' : 'absent');
    for (const l of [...this.listeners]) l({ present });
  }

  private cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private async pollOnce(): Promise<void> {
    if (this.reader.paused()) return;
    let here: boolean;
    try {
      here = await this.reader.probe();
      this.silentPolls = 0;
      await this.reader.afterAnswer?.();
    } catch (error) {
      if (error instanceof KioskError && error.code === 'device_timeout') {
        this.silentPolls += 1;
        if (this.silentPolls >= this.options.silentPollsOffline) {
          this.setPresent(false);
          this.status.set({ state: 'offline', media: 'unknown', detailKey: 'card-readers:detail.noAnswer', detailParams: { reason: 'timeout' } });
        }
      }
      return;
    }
    if (here) {
      this.misses = 0;
      this.setPresent(true);
    } else if (this.present) {
      this.misses += 1;
      if (this.misses >= this.options.removalMisses) this.setPresent(false);
    }
  }
}
