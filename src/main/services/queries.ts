import { randomUUID } from 'node:crypto';
import { KioskError } from '../../shared/contract/errors';
import type { MethodResult } from '../../shared/contract';
import type { QueryResponse } from '../../shared/sync/protocol';
import type { CatalogItem } from '../../shared/catalog/schema';
import type { ResidentIdentity } from '../../shared/domain/identity';
import type { HandlerMap } from '../dispatcher';
import { CountyError, type CountyClient } from '../sync/county-client';
import type { ResidentSource } from './applications';
import { maskedDocument, type CountyDocuments } from './county-documents';
import { requireIdentityFor } from './identity-guard';

/** The kiosk's store of listings shown offline (store/listing-cache.ts behind it). */
export interface ListingCache {
  save(itemCode: string, params: Record<string, string | number | boolean>, answer: QueryResponse): void;
  get(itemCode: string, params: Record<string, string | number | boolean>, maxHours: number): QueryResponse | null;
}

const LOOKUP_TYPES = new Set(['query', 'print']);

/**
 * Online lookups for query and print items, straight to the county (nothing is stored on the kiosk). Before the
 * first personal lookup of a visit the kiosk sends the county its identify notice: the county answers lookups only
 * for residents with a live session at this kiosk (docs/sync-protocol.md, "Resident sessions").
 */
export class QueriesService {
  /** The county session of each identified resident object (a new visit is a new object, so a new session). */
  private readonly noticed = new WeakMap<ResidentIdentity, string>();
  private lastNoticed: string | null = null;

  constructor(
    private readonly deps: {
      client: CountyClient | null;
      catalog: { find(code: string): CatalogItem | undefined };
      session: ResidentSource;
      now?: () => Date;
      /** Where certificates the county sent are kept for printing (absent: the screen gets them but cannot print them). */
      documents?: CountyDocuments;
      /** Where listings the catalogue lets the kiosk show offline are kept (JOB-02...). */
      listings?: ListingCache;
    },
  ) {}

  async run(itemCode: string, params: Record<string, string | number | boolean>, language?: 'zh-CN' | 'en'): Promise<MethodResult<'queries.run'>> {
    const item = this.deps.catalog.find(itemCode);
    const cache = item?.offlineCache ? this.deps.listings : undefined;
    let answer: QueryResponse & { cachedAt?: string };
    try {
      answer = await this.ask(itemCode, params, language);
      cache?.save(itemCode, params, answer);
    } catch (error) {
      // Offline, a listing is answered from its cache while the copy is younger than the catalogue allows; the
      // screen then says how old it is.
      const cached = error instanceof KioskError && error.code === 'county_unreachable' && item ? cache?.get(itemCode, params, item.offlineCacheMaxHours) : null;
      if (!cached) throw error;
      answer = { ...cached, cachedAt: cached.fetchedAt };
    }
    const { document, ...rest } = answer;
    if (!document) return rest;
    const resident = this.deps.session.current();
    // The screen sees the certificate masked; the county's own copy stays in the core for printing.
    const documentId = this.deps.documents?.keep(document, itemCode, resident);
    return { ...rest, document: maskedDocument(document, resident), ...(documentId ? { documentId } : {}) };
  }

  private async ask(itemCode: string, params: Record<string, string | number | boolean>, language?: 'zh-CN' | 'en'): Promise<QueryResponse> {
    const item = this.deps.catalog.find(itemCode);
    if (!item) throw new KioskError('not_found', { details: { itemCode } });
    if (!LOOKUP_TYPES.has(item.type)) throw new KioskError('invalid_params', { details: { itemCode, reason: 'notALookup' } });
    const resident = this.deps.session.current();
    if (item.identity.required && !resident) throw new KioskError('session_required');
    requireIdentityFor(item, params, this.deps.session, 'self');
    const client = this.deps.client;
    if (!client) throw new KioskError('county_unreachable', { details: { reason: 'notConfigured' } });
    const personal = item.identity.required && resident ? resident : null;
    try {
      const lang = language ? { language } : {};
      if (!personal) return await client.query(itemCode, { params, ...lang });
      await this.notice(client, personal, false);
      try {
        return await client.query(itemCode, { idNumber: personal.idNumber, params, ...lang });
      } catch (error) {
        // The county forgot the session (it restarted, or the notice expired in a long visit): tell it again, once.
        if (!(error instanceof CountyError && error.status === 403 && error.reason === 'no_session')) throw error;
        await this.notice(client, personal, true);
        return await client.query(itemCode, { idNumber: personal.idNumber, params, ...lang });
      }
    } catch (error) {
      if (error instanceof CountyError) {
        if (error.transient) throw new KioskError('county_unreachable', { cause: error, details: { reason: error.reason } });
        if (error.status === 404) throw new KioskError('not_found', { cause: error, details: { reason: error.reason } });
        throw new KioskError('county_rejected', { cause: error, details: { reason: error.reason } });
      }
      throw error;
    }
  }

  /** The visit is over: the county stops answering for that resident at once (best effort; the notice expires anyway). */
  async visitEnded(): Promise<void> {
    const sessionId = this.lastNoticed;
    this.lastNoticed = null;
    this.deps.documents?.clear();
    if (!sessionId || !this.deps.client) return;
    await this.deps.client.endResidentSession(sessionId).catch(() => undefined);
  }

  private async notice(client: CountyClient, resident: ResidentIdentity, again: boolean): Promise<void> {
    if (!again && this.noticed.has(resident)) return;
    const sessionId = randomUUID();
    await client.noticeResident({ sessionId, idNumber: resident.idNumber, source: resident.source, identifiedAt: (this.deps.now?.() ?? new Date()).toISOString() });
    this.noticed.set(resident, sessionId);
    this.lastNoticed = sessionId;
  }
}

export function queriesHandlers(service: QueriesService, offlineReady: () => Array<{ itemCode: string; fetchedAt: string }> = () => []): HandlerMap<'queries.run' | 'queries.offlineReady'> {
  return {
    'queries.run': (input) => service.run(input.itemCode, input.params, input.language),
    'queries.offlineReady': () => ({ items: offlineReady() }),
  };
}
