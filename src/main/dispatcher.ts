import { randomUUID } from 'node:crypto';
import {
  KioskError,
  isMethodName,
  methods,
  type Access,
  type KioskErrorPayload,
  type MethodInput,
  type MethodName,
  type MethodResult,
} from '../shared/contract';
import type { Logger } from './logging/logger';

/** One connected screen or tool: an Electron window, a WebSocket, kioskctl. */
export interface Connection {
  readonly id: string;
  readonly carrier: 'ipc' | 'ws' | 'internal';
  /** Staff logged in on this connection (clerk or technician), if any. */
  staff?: {
    id: string;
    displayName: string;
    roles: ReadonlyArray<'clerk' | 'technician'>;
    /** Where this login serves residents (services/channel-stamp.ts); absent = assisted at the kiosk. */
    channel?: 'assisted' | 'window' | 'homeVisit';
    /** On a home visit: the resident's village group (村民小组) the clerk chose (services/home-visit.ts). */
    villageGroup?: string;
    /** Epoch ms when this login ends by itself (services/staff.ts); checked on every call. */
    expiresAt?: number;
  };
}

export function newConnection(carrier: Connection['carrier']): Connection {
  return { id: randomUUID(), carrier };
}

export interface CallContext {
  readonly connection: Connection;
  readonly roles: ReadonlySet<Access>;
  readonly log: Logger;
}

export type Handler<M extends MethodName> = (
  input: MethodInput<M>,
  ctx: CallContext,
) => MethodResult<M> | Promise<MethodResult<M>>;

/** Handlers of a subset of methods: each service module exports one of these. */
export type HandlerMap<M extends MethodName = MethodName> = { [K in M]: Handler<K> };

export type DispatchOutcome = { result: unknown } | { error: KioskErrorPayload };

/**
 * The one dispatcher both carriers call. It validates params against the contract, checks the caller's role,
 * runs the handler, validates the result, and turns every failure into a KioskError payload. Carriers hold
 * no logic of their own.
 */
export class Dispatcher {
  constructor(
    private readonly handlers: HandlerMap,
    private readonly rolesOf: (connection: Connection) => ReadonlySet<Access>,
    private readonly log: Logger,
  ) {
    const missing = (Object.keys(methods) as MethodName[]).filter((m) => typeof handlers[m] !== 'function');
    if (missing.length > 0) throw new Error(`contract methods without a handler: ${missing.join(', ')}`);
  }

  async dispatch(connection: Connection, method: string, params: unknown): Promise<DispatchOutcome> {
    if (!isMethodName(method)) {
      return fail(new KioskError('unknown_method', { details: { method: method.slice(0, 100) } }));
    }
    const spec = methods[method];
    const roles = this.rolesOf(connection);
    if (!spec.access.some((a) => roles.has(a))) {
      this.log.warn({ method, connection: connection.id, roles: [...roles] }, 'call refused: role');
      return fail(new KioskError('forbidden', { details: { method, needs: [...spec.access] } }));
    }
    const parsed = spec.input.safeParse(params ?? {});
    if (!parsed.success) {
      return fail(
        new KioskError('invalid_params', {
          details: {
            method,
            issues: parsed.error.issues.slice(0, 20).map((i) => ({ path: i.path.map(String).join('.'), message: i.message })),
          },
        }),
      );
    }
    const ctx: CallContext = { connection, roles, log: this.log.child({ method }) };
    try {
      const handler = this.handlers[method] as Handler<MethodName>;
      const result = await handler(parsed.data as never, ctx);
      const checked = spec.output.safeParse(result);
      if (!checked.success) {
        // A handler that breaks the contract is a bug in the core: say so in the log, not on the screen.
        this.log.error({ method, issues: checked.error.issues.slice(0, 5).map((i) => i.path.join('.')) }, 'result breaks the contract');
        return fail(new KioskError('internal', { details: { reason: 'resultSchema' } }));
      }
      return { result: checked.data };
    } catch (error) {
      if (error instanceof KioskError) {
        if (error.code === 'internal') this.log.error({ method, err: error }, 'internal error');
        return fail(error);
      }
      this.log.error({ method, err: error }, 'unexpected failure in handler');
      return fail(new KioskError('internal'));
    }
  }
}

function fail(error: KioskError): DispatchOutcome {
  return { error: error.toPayload() };
}
