import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { ConsoleErrorCode, Point } from '../../shared/console/api';
import type { CountyQuery } from '../db/connection';
import { actorOf, consoleBody, consoleFail, type ConsoleActor } from './console-plugin';
import { pointInScope } from './points';

/** A desk's refusal of a move (wrong state, taken by another, unknown material), with its code. */
type Refusal<C extends string> = Error & { code: C };

/** How a desk finds the case a path names (null when it is not at a point in the caller's scope), and how it refuses. */
export interface CaseDesk<F, C extends string> {
  find: (request: FastifyRequest) => Promise<F | null>;
  refusal: abstract new (...args: never[]) => Refusal<C>;
  refusals: Record<C, [number, ConsoleErrorCode]>;
}

/**
 * A desk over cases that stand at points: `lookup` reads the case a path names, and `find` gives it with its point
 * only when the caller's scope may see that point (a case elsewhere is not shown to exist: 404, never 403).
 */
export function caseDesk<R extends { kioskId: string }, C extends string>(
  query: CountyQuery,
  lookup: (request: FastifyRequest) => Promise<R | null>,
  refusal: CaseDesk<unknown, C>['refusal'],
  refusals: CaseDesk<unknown, C>['refusals'],
): CaseDesk<{ record: R; point: Point }, C> {
  const find = async (request: FastifyRequest) => {
    const record = await lookup(request);
    const point = record ? await pointInScope(query, actorOf(request).staff.scope, record.kioskId) : null;
    return record && point ? { record, point } : null;
  };
  return { find, refusal, refusals };
}

/**
 * The POST that moves one case of a desk (the clerk desk's cases, the cases carried up from the points): the case
 * named in the path must stand at a point in the caller's scope (404 otherwise, never 403), the body is the move, and
 * `move` does it, audits it and answers the case's row. A refusal is answered with its status from `refusals`.
 */
export function caseMoveRoute<F, S extends z.ZodType, C extends string>(api: FastifyInstance, path: string, desk: CaseDesk<F, C>, schema: S, move: (found: F, body: z.output<S>, staff: ConsoleActor['staff']) => Promise<unknown>): void {
  api.post(path, async (request, reply) => {
    const found = await desk.find(request);
    if (!found) return consoleFail(reply, 404, 'not_found');
    const body = consoleBody(request, reply, schema);
    if (!body) return reply;
    try {
      return await move(found, body, actorOf(request).staff);
    } catch (error) {
      if (!(error instanceof desk.refusal)) throw error;
      const [status, code] = desk.refusals[error.code];
      return consoleFail(reply, status, code);
    }
  });
}
