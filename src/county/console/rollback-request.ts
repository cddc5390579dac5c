import type { FastifyReply, FastifyRequest } from 'fastify';
import { RollbackRequestSchema } from '../../shared/console/api';
import type { CountyQuery } from '../db/connection';
import { consoleBody, consoleFail } from './console-plugin';
import { earlierBody, type Subject } from './publishing';

/**
 * A rollback request, read and looked up: the earlier publication of `subject` it names (its seq and body), or
 * undefined once the reply says why not (400 for a bad body, 404 for a version that does not exist).
 */
export async function earlierPublication(query: CountyQuery, request: FastifyRequest, reply: FastifyReply, subject: Subject): Promise<{ seq: number; body: unknown } | undefined> {
  const asked = consoleBody(request, reply, RollbackRequestSchema);
  if (!asked) return undefined;
  const body = await earlierBody(query, subject, asked.seq);
  if (body === null) {
    consoleFail(reply, 404, 'not_found');
    return undefined;
  }
  return { seq: asked.seq, body };
}
