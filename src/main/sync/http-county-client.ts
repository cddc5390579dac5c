import { VillageListSchema, type VillageList } from '../../shared/sync/village-list';
import { createPublicKey, verify, type KeyObject } from 'node:crypto';
import { configSigningMessage } from '../../shared/sync/config-signature';
import type { z } from 'zod';
import {
  AttachmentStatusSchema,
  BatchResponseSchema,
  ConfigResponseSchema,
  ErrorBodySchema,
  QueryResponseSchema,
  ResidentNoticeAnswerSchema,
  AcceptanceSignerSchema,
  type AcceptanceSigner,
  type AttachmentStatus,
  type BatchItem,
  type FaultReport,
  type BatchResponse,
  type ConfigResponse,
  type Heartbeat,
  type QueryResponse,
  type ResidentNotice,
} from '../../shared/sync/protocol';
import { OutcomesPageSchema, checkOutcomesPage, type CheckedOutcomes } from '../../shared/sync/outcomes';
import { CountyError, type CountyClient } from './county-client';
import { HttpTransport, TransportError, type RawResponse } from './http-transport';
import { RequestSigner } from './request-signer';

export interface HttpCountyClientOptions {
  baseUrl: string;
  kioskId: string;
  secret: string;
  /** Per request; a county that does not answer in time counts as unreachable. */
  timeoutMs?: number;
  /** PEM of the county's CA: TLS then trusts only certificates it issued (site config county.caFile). */
  ca?: string | Buffer;
  now?: () => number;
  /** The county's config signing public key (PEM): every config part must carry its valid signature. */
  configPublicKey?: string;
}

const MAX_SKEW_CORRECTIONS = 1;
const CONFIG_PART_NAMES = ['catalog', 'staff', 'announcements', 'site'] as const;
/** The largest clock correction taken from an (unsigned) stale_timestamp answer; a kiosk further off needs its clock set. */
const MAX_CLOCK_CORRECTION_MS = 24 * 60 * 60_000;

/** The CountyClient over HTTP(S): signed requests, a pinned CA for TLS, validated answers, typed failures. */
export class HttpCountyClient implements CountyClient {
  readonly signer: RequestSigner;
  private readonly configKey: KeyObject | null;
  private readonly base: string;
  private readonly transport: HttpTransport;

  constructor(private readonly options: HttpCountyClientOptions) {
    this.signer = new RequestSigner(options.kioskId, options.secret, options.now);
    this.configKey = options.configPublicKey ? createPublicKey(options.configPublicKey) : null;
    this.base = options.baseUrl.replace(/\/+$/, '');
    this.transport = new HttpTransport({ timeoutMs: options.timeoutMs ?? 15_000, ...(options.ca ? { ca: options.ca } : {}) });
  }

  close(): void {
    this.transport.close();
  }

  async sendBatch(items: readonly BatchItem[]): Promise<BatchResponse> {
    const answer = await this.json('POST', '/v1/sync/batches', BatchResponseSchema, { kioskId: this.options.kioskId, items });
    // Every item sent must have exactly one answer, or none of them counts.
    const ids = new Set(items.map((i) => i.id));
    const answered = new Set(answer.results.map((r) => r.id));
    if (answer.results.length !== items.length || answered.size !== items.length || ![...answered].every((id) => ids.has(id))) {
      throw new CountyError(true, 'incomplete_answer');
    }
    return answer;
  }

  async attachmentStatus(sha256: string): Promise<AttachmentStatus> {
    const res = await this.request('HEAD', `/v1/attachments/${sha256}`, undefined, {});
    const received = res.header('x-attachment-received') ?? '0';
    const complete = res.header('x-attachment-complete') ?? 'false';
    // Headers are county answers like any other: a count that is not a plain number means nothing was confirmed.
    if (!/^\d{1,15}$/.test(received) || (complete !== 'true' && complete !== 'false')) throw new CountyError(true, 'bad_answer:header');
    return { sha256, received: Number(received), complete: complete === 'true' };
  }

  async uploadChunk(sha256: string, start: number, total: number, chunk: Buffer): Promise<AttachmentStatus> {
    const res = await this.request('PUT', `/v1/attachments/${sha256}`, chunk, {
      'content-type': 'application/octet-stream',
      'content-range': `bytes ${start}-${start + chunk.length - 1}/${total}`,
    });
    return parseOrFail(AttachmentStatusSchema, readJson(res));
  }

  async pullConfig(since: number): Promise<ConfigResponse | null> {
    const res = await this.request('GET', `/v1/config?since=${since}`, undefined, {});
    if (res.status === 304) return null;
    const raw = readJson(res);
    if (this.configKey) verifyConfigSignatures(this.configKey, raw);
    return parseOrFail(ConfigResponseSchema, raw);
  }

  async pullOutcomes(since: number): Promise<CheckedOutcomes> {
    const res = await this.request('GET', `/v1/outcomes?since=${since}`, undefined, {});
    const page = parseOrFail(OutcomesPageSchema, readJson(res));
    // A cursor that goes backwards would make the kiosk fetch forever: the page is refused (and retried later).
    if (page.cursor < since) throw new CountyError(true, 'bad_answer:cursor');
    return checkOutcomesPage(page);
  }

  query(itemCode: string, request: { idNumber?: string; params: Record<string, string | number | boolean>; language?: 'zh-CN' | 'en' }): Promise<QueryResponse> {
    return this.json('POST', `/v1/query/${encodeURIComponent(itemCode)}`, QueryResponseSchema, request);
  }

  async noticeResident(notice: ResidentNotice): Promise<{ expiresAt: string }> {
    const answer = await this.json('POST', '/v1/residents/sessions', ResidentNoticeAnswerSchema, notice);
    return { expiresAt: answer.expiresAt };
  }

  async endResidentSession(sessionId: string): Promise<void> {
    await this.request('DELETE', `/v1/residents/sessions/${encodeURIComponent(sessionId)}`, undefined, {});
  }

  async heartbeat(heartbeat: Heartbeat): Promise<void> {
    await this.request('POST', '/v1/heartbeat', Buffer.from(JSON.stringify(heartbeat)), { 'content-type': 'application/json' });
  }

  /** The county confirms a township or county account signing an acceptance here (CountyError reason says why not). */
  confirmSigner(username: string, password: string): Promise<AcceptanceSigner> {
    return this.json('POST', '/v1/acceptance-signers', AcceptanceSignerSchema, { username, password });
  }

  /** The clerk's village list of this kiosk's point (the county checks the clerk's scope). */
  async villageList(staffId: string): Promise<VillageList> {
    const res = await this.request('GET', `/v1/village-list?staffId=${encodeURIComponent(staffId)}`, undefined, {});
    return parseOrFail(VillageListSchema, readJson(res));
  }

  /** How far the county told this kiosk its clock is off (0: a signed request was accepted as it was). */
  clockOffsetMs(): number {
    return this.signer.clockOffsetMs;
  }

  async reportFaults(tickets: FaultReport['tickets']): Promise<void> {
    await this.request('POST', '/v1/faults', Buffer.from(JSON.stringify({ tickets })), { 'content-type': 'application/json' });
  }

  private async json<T extends z.ZodType>(method: string, path: string, schema: T, body: unknown): Promise<z.output<T>> {
    const res = await this.request(method, path, Buffer.from(JSON.stringify(body)), { 'content-type': 'application/json' });
    return parseOrFail(schema, readJson(res));
  }

  /** One signed request; a 401 stale_timestamp with the county's time corrects the clock and tries once more. */
  private async request(method: string, path: string, body: Buffer | undefined, headers: Record<string, string>, corrections = 0): Promise<RawResponse> {
    let res: RawResponse;
    try {
      res = await this.transport.send(new URL(`${this.base}${path}`), method, { ...headers, ...this.signer.headers(method, path, body) }, body);
    } catch (error) {
      throw new CountyError(true, error instanceof TransportError ? error.code : 'network');
    }
    if (res.status < 400) return res;
    let errorBody: z.infer<typeof ErrorBodySchema> | null = null;
    try {
      errorBody = method === 'HEAD' ? null : ErrorBodySchema.parse(JSON.parse(res.body.toString('utf8')));
    } catch {
      errorBody = null;
    }
    const reason = errorBody?.error ?? `http_${res.status}`;
    if (res.status === 401 && reason === 'stale_timestamp' && errorBody?.serverTime !== undefined && corrections < MAX_SKEW_CORRECTIONS) {
      // The answer is not signed: take its time only within a bound, and only for a while (the signer resets it).
      const offset = errorBody.serverTime - (this.options.now ?? Date.now)();
      if (!Number.isFinite(offset) || Math.abs(offset) > MAX_CLOCK_CORRECTION_MS) throw new CountyError(false, 'clock_skew_too_large', 401);
      this.signer.correctClock(offset);
      return this.request(method, path, body, headers, corrections + 1);
    }
    const transient = res.status >= 500 || res.status === 408 || res.status === 429;
    const receivedHeader = res.header('x-attachment-received');
    const received = receivedHeader !== undefined && /^\d{1,15}$/.test(receivedHeader) ? receivedHeader : undefined;
    throw new CountyError(transient, reason, res.status, {
      ...(errorBody?.field ? { field: errorBody.field } : {}),
      ...(errorBody?.serverTime !== undefined ? { serverTime: errorBody.serverTime } : {}),
      ...(received ? { received: Number(received) } : {}),
    });
  }
}

function readJson(res: RawResponse): unknown {
  try {
    return JSON.parse(res.body.toString('utf8')) as unknown;
  } catch {
    // Not JSON at all (a garbled or truncated answer): the county's answer is lost, so the call is retried.
    throw new CountyError(true, 'bad_answer:json');
  }
}

function parseOrFail<T extends z.ZodType>(schema: T, value: unknown): z.output<T> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new CountyError(true, 'bad_answer:schema');
  return parsed.data;
}

/**
 * Checks each config part of a raw county answer against the county's key before anything is parsed or applied:
 * a part without a signature, or with one that does not match its name, version and body, fails the whole answer.
 */
function verifyConfigSignatures(key: KeyObject, raw: unknown): void {
  if (typeof raw !== 'object' || raw === null) return;
  for (const part of CONFIG_PART_NAMES) {
    const p = (raw as Record<string, unknown>)[part] as { version?: unknown; body?: unknown; signature?: unknown } | undefined;
    if (p === undefined) continue;
    const ok =
      typeof p === 'object' &&
      p !== null &&
      typeof p.version === 'number' &&
      typeof p.signature === 'string' &&
      verify(null, Buffer.from(configSigningMessage(part, p.version, p.body)), key, Buffer.from(p.signature, 'base64'));
    if (!ok) throw new CountyError(true, `bad_config_signature:${part}`);
  }
}
