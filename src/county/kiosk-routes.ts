import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AcceptanceSignerRequestSchema, BatchRequestSchema, type ErrorBody, FaultReportSchema, HeartbeatSchema, QueryRequestSchema, ResidentNoticeSchema, type QueryResponse } from '../shared/sync/protocol';
import { HEADER_KIOSK, HEADER_NONCE, HEADER_SIGNATURE, HEADER_TIMESTAMP } from '../shared/sync/signing';
import { NonceCache, verifyRequest } from './auth';
import { KioskSecrets, UnconfirmedSecretError } from './kiosk-secrets';
import { attachmentStatus, putAttachmentChunk } from './attachments';
import { outcomesSince } from './outcomes';
import { CommitGroups } from './db/commit-groups';
import { engineOf } from './db/connection';
import { configSince, intakeBatch, recordFaults, recordHeartbeat } from './county-state';
import { confirmAcceptanceSigner } from './site-records';
import { signConfigResponse } from './config-signing';
import { fail, parseBody, parseParams, readBody } from './http-replies';
import { storedOwnersAndCatalogVersion } from './intake-statements';
import { issueCertificate } from './certificates';
import { isLookupItem, needsResident, runLookup, type CountyResident, type Language, type LookupAnswer } from './lookups';
import { endResidentSession, liveSession, logLookup, openResidentSession } from './resident-sessions';
import { routeGroup } from './route-groups';
import { villageListFor } from './village-list';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the kiosk group's signature check; routes outside that group never see it. */
    kioskId?: string;
    /** Set when the signature was checked against a remembered secret: the route confirms it (kiosk-secrets.ts). */
    unconfirmedSecret?: string;
  }
}

const Sha256Param = z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/) });
const SessionParam = z.object({ sessionId: z.string().uuid() });
const ItemCodeParam = z.object({ itemCode: z.string().regex(/^[A-Z]{3,4}-\d{2}$/) });
const ContentRange = /^bytes (\d{1,12})-(\d{1,12})\/(\d{1,12})$/;

/** The id of the kiosk whose signature the group's hook checked (the hook has run before any handler). */
function signedKiosk(request: { kioskId?: string }): string {
  if (!request.kioskId) throw new Error('kiosk route reached without a verified signature');
  return request.kioskId;
}

/**
 * The sync contract (docs/sync-protocol.md) under /v1: every route here is signed by a kiosk. The hooks belong to
 * this group, so they run for each of its routes however the path was spelled, and for no route elsewhere.
 */
export const kioskRoutes = routeGroup('kiosk', '/v1', (app, { query: db, now, dataDir, attachmentsDir, relay, publicUrl }) => {
  const nonces = new NonceCache(now().getTime());
  // Batches arriving together share one commit on SQLite (db/commit-groups.ts).
  const intake = new CommitGroups(db);
  const postgres = engineOf(db) === 'postgres';

  // Cheap refusal before the body is read: an unsigned request never gets its body parsed.
  app.addHook('onRequest', async (request, reply) => {
    const h = request.headers;
    if (!h[HEADER_KIOSK] || !h[HEADER_TIMESTAMP] || !h[HEADER_NONCE] || !h[HEADER_SIGNATURE]) return fail(reply, 401, { error: 'missing_headers' });
  });
  // The signature covers the body's hash, so it is checked once the raw body is in.
  // PostgreSQL's intake confirms a remembered secret in the read it makes first anyway (kiosk-secrets.ts): one round
  // trip a batch fewer. Every other route, and SQLite (no round trips), reads the stored secret here as before.
  const secrets = postgres ? new KioskSecrets() : undefined;
  app.addHook('preHandler', async (request, reply) => {
    const remembered = request.routeOptions.url === '/v1/sync/batches' && request.method === 'POST' ? secrets : undefined;
    const outcome = await verifyRequest(db, nonces, { method: request.method, url: request.url, headers: request.headers, body: request.body as Buffer | undefined }, now().getTime(), remembered);
    if (!outcome.ok) return fail(reply, 401, { error: outcome.reason, ...(outcome.serverTime === undefined ? {} : { serverTime: outcome.serverTime }) });
    request.kioskId = outcome.kioskId;
    request.unconfirmedSecret = outcome.unconfirmed;
  });

  /**
   * A 400 answer to a batch whose signature was checked against a remembered secret: confirmed first by reading the
   * stored secret, so a re-keyed or removed kiosk is answered 401 as before, never told what was wrong with its body.
   */
  async function refuseBatch(request: FastifyRequest, reply: FastifyReply, body: ErrorBody): Promise<FastifyReply> {
    const kioskId = signedKiosk(request);
    if (request.unconfirmedSecret !== undefined) {
      const stored = await storedOwnersAndCatalogVersion(db, [], kioskId);
      if (stored.kioskSecret !== request.unconfirmedSecret) {
        secrets?.forget(kioskId);
        return fail(reply, 401, { error: stored.kioskSecret === null ? 'unknown_kiosk' : 'bad_signature' });
      }
    }
    return fail(reply, 400, body);
  }

  app.post('/sync/batches', async (request, reply) => {
    const parsed = readBody(request, BatchRequestSchema);
    if (!parsed.ok) return refuseBatch(request, reply, parsed.error);
    const batch = parsed.data;
    if (batch.kioskId !== signedKiosk(request)) return refuseBatch(request, reply, { error: 'invalid_body', field: 'kioskId' });
    // PostgreSQL: no group and no transaction around it, intakeBatch takes its own (one statement for applications).
    let results;
    try {
      results = postgres ? await intakeBatch(db, batch.kioskId, batch.items, now(), request.unconfirmedSecret) : await intake.run(batch.items.length, (trx) => intakeBatch(trx, batch.kioskId, batch.items, now()));
    } catch (error) {
      if (!(error instanceof UnconfirmedSecretError)) throw error;
      // Re-keyed or removed since this process remembered the secret: refused as the signature check refuses, nothing stored.
      secrets?.forget(batch.kioskId);
      return fail(reply, 401, { error: error.reason });
    }
    // The answer does not wait for the back office: stored is stored; the hand-over runs behind it.
    if (results.some((r) => r.status === 'accepted')) relay.soon();
    return { results };
  });

  app.get('/outcomes', async (request, reply) => {
    const since = parseParams(request.query, reply, z.object({ since: z.coerce.number().int().min(0).default(0) }), 'invalid_query');
    if (!since) return reply;
    return await outcomesSince(db, signedKiosk(request), since.since);
  });

  app.head('/attachments/:sha256', async (request, reply) => {
    const params = parseParams(request.params, reply, Sha256Param, 'invalid_path');
    if (!params) return reply;
    const status = await attachmentStatus(db, signedKiosk(request), params.sha256);
    return reply.header('x-attachment-received', String(status.received)).header('x-attachment-complete', String(status.complete)).code(200).send();
  });

  app.put('/attachments/:sha256', async (request, reply) => {
    const params = parseParams(request.params, reply, Sha256Param, 'invalid_path');
    if (!params) return reply;
    const range = ContentRange.exec(String(request.headers['content-range'] ?? ''));
    const body = request.body as Buffer | undefined;
    if (!range || !body) return fail(reply, 400, { error: 'invalid_body', field: 'content-range' });
    const [start, end, total] = [Number(range[1]), Number(range[2]), Number(range[3])];
    if (end < start || end - start + 1 !== body.length || end >= total) return fail(reply, 400, { error: 'invalid_body', field: 'content-range' });
    const outcome = await putAttachmentChunk(db, attachmentsDir, signedKiosk(request), params.sha256, start, total, body);
    if (!outcome.ok) return fail(reply.header('x-attachment-received', String(outcome.received)), outcome.status, { error: outcome.error });
    return { sha256: params.sha256, received: outcome.received, complete: outcome.complete };
  });

  app.get('/config', async (request, reply) => {
    const since = parseParams(request.query, reply, z.object({ since: z.coerce.number().int().min(0).default(0) }), 'invalid_query');
    if (!since) return reply;
    const config = await configSince(db, signedKiosk(request), since.since);
    if (!config) return reply.code(304).send();
    // Every part signed: kiosks apply only what this county's key signed (issue 14 item 7).
    return signConfigResponse(config, dataDir);
  });

  app.post('/residents/sessions', async (request, reply) => {
    const notice = parseBody(request, reply, ResidentNoticeSchema);
    if (!notice) return reply;
    const outcome = await openResidentSession(db, signedKiosk(request), notice, now());
    if (!outcome.ok) return fail(reply, outcome.status, { error: outcome.error });
    return { sessionId: notice.sessionId, expiresAt: outcome.expiresAt };
  });

  app.delete('/residents/sessions/:sessionId', async (request, reply) => {
    const params = parseParams(request.params, reply, SessionParam, 'invalid_path');
    if (!params) return reply;
    return { ended: await endResidentSession(db, signedKiosk(request), params.sessionId, now()) };
  });

  app.post('/query/:itemCode', async (request, reply) => {
    const params = parseParams(request.params, reply, ItemCodeParam, 'invalid_path');
    if (!params) return reply;
    const query = parseBody(request, reply, QueryRequestSchema);
    if (!query) return reply;
    if (!isLookupItem(params.itemCode)) return fail(reply, 404, { error: 'unknown_item' });
    const kioskId = signedKiosk(request);
    const at = now();
    if (!needsResident(params.itemCode)) {
      await logLookup(db, { kioskId, itemCode: params.itemCode, idNumber: null, sessionId: null, outcome: 'listing', at });
      return answerOf(params.itemCode, runLookup(params.itemCode, null, at, query.params, query.language), null, kioskId, query.language ?? 'zh-CN');
    }
    if (!query.idNumber) return fail(reply, 400, { error: 'invalid_body', field: 'idNumber' });
    // Only a resident this kiosk has identified in a live visit: a signed kiosk is not a licence to look anyone up.
    const sessionId = await liveSession(db, kioskId, query.idNumber, at);
    if (!sessionId) {
      await logLookup(db, { kioskId, itemCode: params.itemCode, idNumber: query.idNumber, sessionId: null, outcome: 'noSession', at });
      return fail(reply, 403, { error: 'no_session' });
    }
    const row = await db.selectFrom('residents').select('body').where('id_number', '=', query.idNumber).executeTakeFirst();
    await logLookup(db, { kioskId, itemCode: params.itemCode, idNumber: query.idNumber, sessionId, outcome: row ? 'answered' : 'unknownResident', at });
    if (!row) return fail(reply, 404, { error: 'unknown_resident' });
    const resident = JSON.parse(row.body) as CountyResident;
    return answerOf(params.itemCode, runLookup(params.itemCode, resident, at, query.params, query.language ?? 'zh-CN'), resident, kioskId, query.language ?? 'zh-CN');
  });

  /** The wire answer; a certificate is issued here (code and content hash stored) and travels as `document`. */
  async function answerOf(itemCode: string, answer: LookupAnswer, resident: CountyResident | null, kioskId: string, language: Language): Promise<QueryResponse> {
    const { certificate, ...rest } = answer;
    const at = now();
    const base: QueryResponse = { itemCode, fetchedAt: at.toISOString(), ...rest };
    if (!certificate || !resident) return base;
    const issued = await issueCertificate(db, { ...certificate, itemCode, language, kioskId, holder: resident }, publicUrl(), at);
    return { ...base, document: { title: issued.title, lines: issued.lines, language: issued.language, issuedAt: issued.issuedAt, verification: issued.verification } };
  }

  app.post('/heartbeat', async (request, reply) => {
    const heartbeat = parseBody(request, reply, HeartbeatSchema);
    if (!heartbeat) return reply;
    const kioskId = signedKiosk(request);
    if (heartbeat.kioskId !== kioskId) return fail(reply, 400, { error: 'invalid_body', field: 'kioskId' });
    await recordHeartbeat(db, kioskId, heartbeat, now());
    return { ok: true };
  });

  app.post('/acceptance-signers', async (request, reply) => {
    const body = parseBody(request, reply, AcceptanceSignerRequestSchema);
    if (!body) return reply;
    const outcome = await confirmAcceptanceSigner(db, signedKiosk(request), body.username, body.password, now().getTime());
    if (!outcome.ok) return fail(reply, outcome.status, { error: outcome.error });
    return outcome.signer;
  });

  // The clerk's village list of this kiosk's own point, for a clerk whose county scope covers it.
  app.get('/village-list', async (request, reply) => {
    const query = parseParams(request.query, reply, z.object({ staffId: z.string().min(1).max(64) }), 'invalid_query');
    if (!query) return reply;
    const outcome = await villageListFor(db, signedKiosk(request), query.staffId, now());
    if (!outcome.ok) return fail(reply, outcome.status, { error: outcome.error });
    return outcome.list;
  });

  app.post('/faults', async (request, reply) => {
    const report = parseBody(request, reply, FaultReportSchema);
    if (!report) return reply;
    await recordFaults(db, signedKiosk(request), report.tickets);
    return { ok: true };
  });
});
