import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { ErrorBody } from '../shared/sync/protocol';

/** Every non-2xx answer of the county has the ErrorBody shape. */
export function fail(reply: FastifyReply, status: number, body: ErrorBody): FastifyReply {
  return reply.code(status).send(body);
}

/** Parses a JSON body against a schema; on failure answers 400 naming the first bad field. */
export function parseBody<T extends z.ZodType>(request: FastifyRequest, reply: FastifyReply, schema: T): z.output<T> | undefined {
  const parsed = readBody(request, schema);
  if (parsed.ok) return parsed.data;
  fail(reply, 400, parsed.error);
  return undefined;
}

/** A JSON body parsed against a schema, or the 400 answer's body naming the first bad field (for a caller that answers later). */
export function readBody<T extends z.ZodType>(request: FastifyRequest, schema: T): { ok: true; data: z.output<T> } | { ok: false; error: ErrorBody } {
  let raw: unknown;
  try {
    raw = JSON.parse((request.body as Buffer | undefined)?.toString('utf8') ?? '');
  } catch {
    return { ok: false, error: { error: 'invalid_json' } };
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, error: { error: 'invalid_body', field: issue && issue.path.length > 0 ? issue.path.map(String).join('.') : '(body)' } };
  }
  return { ok: true, data: parsed.data };
}

/** Validates path or query parameters; on failure answers 400 with `error` naming the field. */
export function parseParams<T extends z.ZodType>(value: unknown, reply: FastifyReply, schema: T, error: 'invalid_path' | 'invalid_query'): z.output<T> | undefined {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  fail(reply, 400, { error, field: issue && issue.path.length > 0 ? issue.path.map(String).join('.') : '(params)' });
  return undefined;
}
