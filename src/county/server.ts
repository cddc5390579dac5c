import { timingSafeEqual } from 'node:crypto';
import path from 'node:path';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  BatchRequestSchema,
  FaultReportSchema,
  FaultUpdateSchema,
  HeartbeatSchema,
  QueryRequestSchema,
  type ErrorBody,
} from '../shared/sync/protocol';

import { NonceCache, verifyRequest } from './auth';
import { openCountyDb, type CountyDb } from './county-db';
import {
  COUNTY_CONFIG_PARTS,
  InvalidBodyError,
  attachmentStatus,
  configSince,
  intakeBatch,
  publishConfigPart,
  putAttachmentChunk,
  recordFaults,
  recordHeartbeat,
  updateFault,
  countyStats,
  type CountyConfigPart,
} from './county-state';
import { isLookupItem, needsResident, runLookup, type CountyResident } from './lookups';

export interface CountyServerOptions {
  dataDir: string;
  port?: number;
  host?: string;
  /** Bearer token for the /admin routes (publishing config, answering fault tickets); absent = no admin routes. */
  adminToken?: string;
  /** Serve HTTPS with this key and certificate (PEM); kiosks pin the CA that issued it. */
  tls?: { key: string | Buffer; cert: string | Buffer };
  now?: () => Date;
}

export interface CountyServer {
  readonly url: string;
  readonly db: CountyDb;
  readonly app: FastifyInstance;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 16 * 1024 * 1024;
const Sha256Param = z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/) });
const ContentRange = /^bytes (\d{1,12})-(\d{1,12})\/(\d{1,12})$/;

declare module 'fastify' {
  interface FastifyRequest {
    kioskId?: string;
  }
}

function fail(reply: FastifyReply, status: number, body: ErrorBody): FastifyReply {
  return reply.code(status).send(body);
}

/** Parses a JSON body against a schema; on failure answers 400 naming the first bad field. */
function parseBody<T extends z.ZodType>(request: FastifyRequest, reply: FastifyReply, schema: T): z.output<T> | undefined {
  let raw: unknown;
  try {
    raw = JSON.parse((request.body as Buffer | undefined)?.toString('utf8') ?? '');
  } catch {
    fail(reply, 400, { error: 'invalid_json' });
    return undefined;
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    fail(reply, 400, { error: 'invalid_body', field: issue && issue.path.length > 0 ? issue.path.map(String).join('.') : '(body)' });
    return undefined;
  }
  return parsed.data;
}

/** The reference county: the sync contract of docs/sync-protocol.md on its own SQLite file. */
export async function startCountyServer(options: CountyServerOptions): Promise<CountyServer> {
  const now = options.now ?? (() => new Date());
  const db = openCountyDb(options.dataDir);
  const attachmentsDir = path.join(options.dataDir, 'attachments');
  const app = options.tls
    ? (Fastify({ logger: false, bodyLimit: MAX_BODY_BYTES, https: options.tls }) as unknown as FastifyInstance)
    : Fastify({ logger: false, bodyLimit: MAX_BODY_BYTES });
  const nonces = new NonceCache(now().getTime());

  // Bodies stay raw bytes: the signature covers their exact hash; each route parses and validates afterwards.
  app.addContentTypeParser(['application/json', 'application/octet-stream'], { parseAs: 'buffer' }, (_req, body, done) => done(null, body));

  app.addHook('preHandler', async (request, reply) => {
    if (!request.url.startsWith('/v1/')) return;
    const outcome = verifyRequest(db, nonces, { method: request.method, url: request.url, headers: request.headers, body: request.body as Buffer | undefined }, now().getTime());
    if (!outcome.ok) return fail(reply, 401, { error: outcome.reason, ...(outcome.serverTime === undefined ? {} : { serverTime: outcome.serverTime }) });
    request.kioskId = outcome.kioskId;
  });

  app.post('/v1/sync/batches', async (request, reply) => {
    const batch = parseBody(request, reply, BatchRequestSchema);
    if (!batch) return reply;
    if (batch.kioskId !== request.kioskId) return fail(reply, 400, { error: 'invalid_body', field: 'kioskId' });
    return { results: intakeBatch(db, batch.kioskId, batch.items, now()) };
  });

  app.head('/v1/attachments/:sha256', async (request, reply) => {
    const params = Sha256Param.safeParse(request.params);
    if (!params.success) return fail(reply, 400, { error: 'invalid_path', field: 'sha256' });
    const status = attachmentStatus(db, params.data.sha256);
    return reply.header('x-attachment-received', String(status.received)).header('x-attachment-complete', String(status.complete)).code(200).send();
  });

  app.put('/v1/attachments/:sha256', async (request, reply) => {
    const params = Sha256Param.safeParse(request.params);
    if (!params.success) return fail(reply, 400, { error: 'invalid_path', field: 'sha256' });
    const range = ContentRange.exec(String(request.headers['content-range'] ?? ''));
    const body = request.body as Buffer | undefined;
    if (!range || !body) return fail(reply, 400, { error: 'invalid_body', field: 'content-range' });
    const [start, end, total] = [Number(range[1]), Number(range[2]), Number(range[3])];
    if (end < start || end - start + 1 !== body.length || end >= total) return fail(reply, 400, { error: 'invalid_body', field: 'content-range' });
    const outcome = putAttachmentChunk(db, attachmentsDir, params.data.sha256, start, total, body);
    if (!outcome.ok) return fail(reply.header('x-attachment-received', String(outcome.received)), outcome.status, { error: outcome.error });
    return { sha256: params.data.sha256, received: outcome.received, complete: outcome.complete };
  });

  app.get('/v1/config', async (request, reply) => {
    const since = z.object({ since: z.coerce.number().int().min(0).default(0) }).safeParse(request.query);
    if (!since.success) return fail(reply, 400, { error: 'invalid_query', field: 'since' });
    const config = configSince(db, request.kioskId!, since.data.since);
    if (!config) return reply.code(304).send();
    return config;
  });

  app.post('/v1/query/:itemCode', async (request, reply) => {
    const itemCode = z.object({ itemCode: z.string().regex(/^[A-Z]{3,4}-\d{2}$/) }).safeParse(request.params);
    if (!itemCode.success) return fail(reply, 400, { error: 'invalid_path', field: 'itemCode' });
    const query = parseBody(request, reply, QueryRequestSchema);
    if (!query) return reply;
    if (!isLookupItem(itemCode.data.itemCode)) return fail(reply, 404, { error: 'unknown_item' });
    let resident: CountyResident | null = null;
    if (needsResident(itemCode.data.itemCode)) {
      if (!query.idNumber) return fail(reply, 400, { error: 'invalid_body', field: 'idNumber' });
      const row = db.prepare('SELECT body FROM residents WHERE id_number = ?').get(query.idNumber) as { body: string } | undefined;
      if (!row) return fail(reply, 404, { error: 'unknown_resident' });
      resident = JSON.parse(row.body) as CountyResident;
    }
    return runLookup(itemCode.data.itemCode, resident, now());
  });

  app.post('/v1/heartbeat', async (request, reply) => {
    const heartbeat = parseBody(request, reply, HeartbeatSchema);
    if (!heartbeat) return reply;
    if (heartbeat.kioskId !== request.kioskId) return fail(reply, 400, { error: 'invalid_body', field: 'kioskId' });
    recordHeartbeat(db, request.kioskId, heartbeat, now());
    return { ok: true };
  });

  app.post('/v1/faults', async (request, reply) => {
    const report = parseBody(request, reply, FaultReportSchema);
    if (!report) return reply;
    recordFaults(db, request.kioskId!, report.tickets);
    return { ok: true };
  });

  if (options.adminToken) {
    const token = Buffer.from(options.adminToken);
    const isAdmin = (request: FastifyRequest) => {
      const given = Buffer.from(String(request.headers.authorization ?? '').replace(/^Bearer /, ''));
      return given.length === token.length && timingSafeEqual(given, token);
    };
    app.addHook('preHandler', async (request, reply) => {
      if (request.url.startsWith('/admin/') && !isAdmin(request)) return fail(reply, 401, { error: 'admin_token' });
    });
    app.put('/admin/v1/config/:part', async (request, reply) => {
      const part = z.object({ part: z.enum(COUNTY_CONFIG_PARTS) }).safeParse(request.params);
      if (!part.success) return fail(reply, 400, { error: 'invalid_path', field: 'part' });
      const body = parseBody(request, reply, z.unknown());
      if (reply.sent) return reply;
      try {
        return { version: publishConfigPart(db, part.data.part as CountyConfigPart, body) };
      } catch (error) {
        if (error instanceof InvalidBodyError) return fail(reply, 400, { error: 'invalid_body', field: error.field });
        throw error;
      }
    });
    app.put('/admin/v1/faults/:id', async (request, reply) => {
      const update = parseBody(request, reply, FaultUpdateSchema.omit({ id: true }));
      if (!update) return reply;
      const id = String((request.params as { id: string }).id).slice(0, 64);
      if (!updateFault(db, id, update.state, update.note ?? null)) return fail(reply, 404, { error: 'unknown_ticket' });
      return { ok: true };
    });
    app.get('/admin/v1/stats', async () => countyStats(db));
  }

  app.setNotFoundHandler((_request, reply) => fail(reply, 404, { error: 'not_found' }));
  app.setErrorHandler((error: { statusCode?: number; code?: string }, _request, reply) => {
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
    return fail(reply, status, { error: status === 413 ? 'body_too_large' : status === 500 ? 'internal' : String(error.code ?? 'bad_request').toLowerCase() });
  });

  const address = await app.listen({ port: options.port ?? 0, host: options.host ?? '127.0.0.1' });
  const url = address.replace('[::1]', '127.0.0.1');
  return {
    url,
    db,
    app,
    close: async () => {
      await app.close();
      db.close();
    },
  };
}


