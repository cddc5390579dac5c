import pino, { type DestinationStream, type Logger } from 'pino';
import { loggerOptions } from '../shared/logging/masked-log';

/** pino's levels, quietest last; `silent` writes nothing (only where a test asks). */
export const GATEWAY_LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] as const;
export type GatewayLogLevel = (typeof GATEWAY_LOG_LEVELS)[number];

export interface GatewayLog {
  /** Default `warn`: failures only (a hand-over the back office refused, a 5xx); `npm run county --log-level`. */
  level?: GatewayLogLevel;
  /** Default stderr. */
  destination?: DestinationStream;
}

/**
 * The gateway's log: JSON lines through the same masking as the kiosk's (ID numbers, phone numbers and Chinese text
 * in any message, error or field masked). A request is logged as its method and path only: never its query (a
 * console search may be a name or an ID number), headers (the admin token, a kiosk's signature) or body.
 */
export function gatewayLogger(log: GatewayLog = {}): Logger {
  const options = loggerOptions(log.level ?? 'warn', 'county-gateway');
  const mask = options.formatters!.log!;
  // fastify logs its request and reply objects themselves; they are cut down to these lines before the masking walk
  // (which would copy their own fields only: the socket, the route's context) and before any serializer.
  const format = (object: Record<string, unknown>) => mask({ ...object, ...('req' in object ? { req: requestLine(object.req as Request) } : {}), ...('res' in object ? { res: replyLine(object.res as Reply) } : {}) });
  // Taken as they are after that (fastify's own serializers for them would read the original objects' fields again).
  const asFormatted = (line: unknown) => line;
  return pino({ ...options, formatters: { ...options.formatters, log: format }, serializers: { ...options.serializers, req: asFormatted, res: asFormatted } }, log.destination ?? pino.destination(2));
}

type Request = { method?: string; url?: string };
type Reply = { statusCode?: number };

function requestLine(request: Request): { method: string | undefined; path: string } {
  return { method: request.method, path: (request.url ?? '').split('?')[0]! };
}

function replyLine(reply: Reply): { statusCode: number | undefined } {
  return { statusCode: reply.statusCode };
}
