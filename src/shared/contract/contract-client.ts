import type { EventData, EventName, events as eventTable } from './events';
import { KioskError } from './kiosk-error';
import { KioskErrorPayloadSchema } from './errors';
import type { MethodName, MethodParams, MethodResult, methods as methodTable } from './index';

/** What a carrier must provide to the typed client: one request/response call and a stream of events. */
export interface ClientCarrier {
  call(method: string, params: unknown): Promise<{ result: unknown } | { error: unknown }>;
  onEvent(listener: (event: string, data: unknown) => void): () => void;
}

/** The contract's tables the client checks answers and events against. */
export interface ContractTables {
  readonly methods: typeof methodTable;
  readonly events: typeof eventTable;
}

/**
 * The typed client over any carrier, given where the contract's tables come from: at hand (`KioskClient` in
 * client.ts, for the core's tools and tests), or loaded the first time an answer or event needs them (the screen,
 * src/renderer/boot.tsx: building the contract's ~1,000 schemas is most of its own start-up work, and the first
 * screen needs only `site.info`'s). Methods in `atHand` are checked without waiting for the tables.
 * Results are checked against the contract's output schema, so a broken core shows up as a typed error, not as
 * `undefined` deep inside a screen.
 */
export class ContractClient {
  private readonly listeners = new Map<string, Set<(data: unknown) => void>>();
  private readonly detach: () => void;
  private tables: ContractTables | undefined;
  private loading: Promise<ContractTables> | undefined;

  constructor(
    private readonly carrier: ClientCarrier,
    private readonly contract: ContractTables | (() => Promise<ContractTables>),
    private readonly atHand: Partial<Pick<ContractTables['methods'], MethodName>> = {},
  ) {
    if (typeof contract !== 'function') this.tables = contract;
    this.detach = carrier.onEvent((event, data) => this.deliver(event, data));
  }

  async invoke<M extends MethodName>(method: M, params: MethodParams<M>): Promise<MethodResult<M>> {
    return this.settle(method, await this.carrier.call(method, params));
  }

  /**
   * Checks an answer the carrier brought for `method` as `invoke` does: the result, or the typed error thrown. For a
   * call made on the carrier before this client was built (the screen asks for `site.info` while its modules load).
   */
  async settle<M extends MethodName>(method: M, answer: { result: unknown } | { error: unknown }): Promise<MethodResult<M>> {
    if ('error' in answer) {
      const parsed = KioskErrorPayloadSchema.safeParse(answer.error);
      throw parsed.success ? KioskError.fromPayload(parsed.data) : new KioskError('internal', { details: { reason: 'malformedError' } });
    }
    const spec = this.atHand[method] ?? (this.tables ?? (await this.load())).methods[method];
    const parsed = spec.output.safeParse(answer.result);
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

  private load(): Promise<ContractTables> {
    const contract = this.contract;
    // A load that failed (the chunk could not be fetched) is tried again at the next need, and the answer waiting on
    // it fails as a typed error the screen can show.
    this.loading ??=
      typeof contract === 'function'
        ? contract().then(
            (tables) => (this.tables = tables),
            (error: unknown) => {
              this.loading = undefined;
              throw new KioskError('internal', { retryable: true, details: { reason: 'contractUnavailable' }, cause: error });
            },
          )
        : Promise.resolve(contract);
    return this.loading;
  }

  private deliver(event: string, data: unknown): void {
    // Tables not in yet: delivered once they are, after any event already waiting (all wait on the one promise).
    if (!this.tables) {
      this.load().then(
        () => this.deliver(event, data),
        () => undefined, // no contract to check it against: dropped, as a malformed event is
      );
      return;
    }
    const { events } = this.tables;
    if (!Object.prototype.hasOwnProperty.call(events, event)) return;
    const parsed = events[event as EventName].data.safeParse(data);
    if (!parsed.success) return; // a malformed event is dropped, never thrown into a screen
    for (const listener of this.listeners.get(event) ?? []) listener(parsed.data);
  }
}
