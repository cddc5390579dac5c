import { events, type EventData, type EventName } from '../shared/contract';
import type { Logger } from './logging/logger';

export type EventListener = (event: EventName, data: unknown) => void;

/**
 * The core's typed event stream. Services emit; each carrier subscribes once and forwards to its screens.
 * Data is checked against the contract so a service bug cannot push malformed events to a screen.
 */
export class EventBus {
  private readonly listeners = new Set<EventListener>();

  constructor(private readonly log: Logger) {}

  emit<E extends EventName>(event: E, data: EventData<E>): void {
    const parsed = events[event].data.safeParse(data);
    if (!parsed.success) {
      this.log.error({ event, issues: parsed.error.issues.map((i) => i.path.join('.')) }, 'dropped malformed event');
      return;
    }
    for (const listener of this.listeners) {
      try {
        listener(event, parsed.data);
      } catch (error) {
        this.log.error({ event, err: error }, 'event listener failed');
      }
    }
  }

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
