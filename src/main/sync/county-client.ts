import type { VillageList } from '../../shared/sync/village-list';
import type { CheckedOutcomes } from '../../shared/sync/outcomes';
import type { AcceptanceSigner, AttachmentStatus, BatchItem, FaultReport, BatchResponse, ConfigResponse, Heartbeat, QueryResponse, ResidentNotice } from '../../shared/sync/protocol';

/**
 * Everything the kiosk asks of the county, behind one interface: the HTTP implementation talks to the real
 * county (or src/county); tests can put a fault-injecting proxy between them without changing this side.
 */
export interface CountyClient {
  sendBatch(items: readonly BatchItem[]): Promise<BatchResponse>;
  attachmentStatus(sha256: string): Promise<AttachmentStatus>;
  uploadChunk(sha256: string, start: number, total: number, chunk: Buffer): Promise<AttachmentStatus>;
  /** The parts newer than `since`, or null when the kiosk is up to date. */
  pullConfig(since: number): Promise<ConfigResponse | null>;
  /** This kiosk's application outcomes that changed after `since` (a cursor the county gave), each checked on its own. */
  pullOutcomes(since: number): Promise<CheckedOutcomes>;
  query(itemCode: string, request: { idNumber?: string; params: Record<string, string | number | boolean>; language?: 'zh-CN' | 'en' }): Promise<QueryResponse>;
  /** The identify notice: personal lookups are answered only for a resident with a live notice from this kiosk. */
  noticeResident(notice: ResidentNotice): Promise<{ expiresAt: string }>;
  /** The visit ended: the county stops answering lookups for that resident from this kiosk. */
  endResidentSession(sessionId: string): Promise<void>;
  heartbeat(heartbeat: Heartbeat): Promise<void>;
  reportFaults(tickets: FaultReport['tickets']): Promise<void>;
  /** A township or county account signing an acceptance at this kiosk (absent on clients that cannot ask). */
  confirmSigner?(username: string, password: string): Promise<AcceptanceSigner>;
  /** The clerk's village list of this kiosk's point, for that clerk (absent on clients that cannot ask). */
  villageList?(staffId: string): Promise<VillageList>;
  /** The clock correction the county made this kiosk take (0 = the kiosk's clock is within the county's window). */
  clockOffsetMs?(): number;
  /** Lets go of kept-alive connections (at shutdown). */
  close?(): void;
}

/**
 * A failed county call. `transient` ones (network down, timeout, reset, 5xx, garbage answer) are retried with
 * backoff; the others (401, 400, 404, 409, 422) mean the request itself is wrong and are reported as they are.
 */
export class CountyError extends Error {
  constructor(
    readonly transient: boolean,
    /** The county's error string ("stale_timestamp", "invalid_body"), or the network failure ("timeout", "ECONNRESET"). */
    readonly reason: string,
    readonly status: number | null = null,
    readonly details: { field?: string; serverTime?: number; received?: number } = {},
  ) {
    super(`county ${status ?? 'network'}: ${reason}${details.field ? ` (${details.field})` : ''}`);
    this.name = 'CountyError';
  }
}
