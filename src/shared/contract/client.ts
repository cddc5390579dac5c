import { events, type EventData, type EventName } from './events';
import { KioskError, KioskErrorPayloadSchema } from './errors';
import { methods, type MethodName, type MethodParams, type MethodResult } from './index';

/** What a carrier must provide to the typed client: one request/response call and a stream of events. */
export interface ClientCarrier {
  call(method: string, params: unknown): Promise<{ result: unknown } | { error: unknown }>;
  onEvent(listener: (event: string, data: unknown) => void): () => void;
}

/**
 * The typed client the renderer (and kioskctl, and tests) use. It is the same whichever carrier is under it.
 * Results are checked against the contract's output schema, so a broken core shows up as a typed error, not as
 * `undefined` deep inside a screen.
 */
export class KioskClient {
  private readonly listeners = new Map<string, Set<(data: unknown) => void>>();
  private readonly detach: () => void;

  constructor(private readonly carrier: ClientCarrier) {
    this.detach = carrier.onEvent((event, data) => this.deliver(event, data));
  }

  async invoke<M extends MethodName>(method: M, params: MethodParams<M>): Promise<MethodResult<M>> {
    return this.settle(method, await this.carrier.call(method, params));
  }

  /**
   * Checks an answer the carrier brought for `method` as `invoke` does: the result, or the typed error thrown. For a
   * call made on the carrier before this client was built (the screen asks for `site.info` while its modules load).
   */
  settle<M extends MethodName>(method: M, answer: { result: unknown } | { error: unknown }): MethodResult<M> {
    if ('error' in answer) {
      const parsed = KioskErrorPayloadSchema.safeParse(answer.error);
      throw parsed.success ? KioskError.fromPayload(parsed.data) : new KioskError('internal', { details: { reason: 'malformedError' } });
    }
    const parsed = methods[method].output.safeParse(answer.result);
    if (!parsed.success) throw new KioskError('internal', { details: { reason: 'malformedResult', method } });
    return parsed.data as MethodResult<M>;
  }

  on<E extends EventName>(event: E, listener: (data: EventData<E>) => void): () => void {
    let set = this.listeners.get(event);
    if (!set) {
      set = new Set();
      this.listeners.set(event, set);
    }
    const wrapped = listener as (data: unknown) => void;
    set.add(wrapped);
    return () => set.delete(wrapped);
  }

  close(): void {
    this.detach();
    this.listeners.clear();
  }

  private deliver(event: string, data: unknown): void {
    if (!Object.prototype.hasOwnProperty.call(events, event)) return;
    const parsed = events[event as EventName].data.safeParse(data);
    if (!parsed.success) return; // a malformed event is dropped, never thrown into a screen
    for (const listener of this.listeners.get(event) ?? []) listener(parsed.data);
  }
}
