import type { DeviceStatus } from '../../shared/domain/devices';
import type { CardPresencePoller } from './card-presence-poller';
import type { FrameLog } from './frame-log';
import type { StatusHolder } from './status-holder';
import type { ReconnectingTransport } from '../transports/reconnecting-transport';

/**
 * What both card readers (ID card, social security card) do alike: report status, watch a card come and go by
 * polling, keep the recent frames for the technician, open and close their line. Each reader adds its own protocol.
 */
export abstract class CardReaderBase {
  protected abstract readonly statusHolder: StatusHolder;
  protected abstract readonly presence: CardPresencePoller;
  protected abstract readonly frames: FrameLog;
  protected abstract readonly transport: ReconnectingTransport;

  status(): DeviceStatus {
    return this.statusHolder.get();
  }

  onStatus(listener: (status: DeviceStatus) => void): () => void {
    return this.statusHolder.on(listener);
  }

  onCard(listener: (event: { present: boolean }) => void): () => void {
    return this.presence.onCard(listener);
  }

  cardPresent(): boolean {
    return this.presence.isPresent();
  }

  recentFrames() {
    return this.frames.list();
  }

  async start(): Promise<void> {
    this.presence.start();
    await this.transport.open();
  }

  async stop(): Promise<void> {
    await this.presence.stop();
    await this.transport.close();
  }
}
