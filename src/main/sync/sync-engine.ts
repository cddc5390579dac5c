import { attachmentUploadState, markAttachmentUploaded } from '../store/attachment-uploads';
import type { Logger } from 'pino';
import type { BatchItem, Heartbeat, SubmissionPayload } from '../../shared/sync/protocol';
import { CasePayloadSchema, CaseStepPayloadSchema } from '../../shared/cases/case-record';
import type { MonthlyReportPayload } from '../../shared/report/monthly-report';
import type { SiteRecord } from '../../shared/commissioning/site-record';
import { applyConfigParts, configVersions, getConfigPart, CONFIG_PARTS, type ConfigPart } from '../store/config-versions';
import { FaultDesk, siteResponseMinutes } from '../faults/fault-desk';
import { claimBatch, DAMAGED_ATTACHMENT, DAMAGED_PAYLOAD, outboxCounts, releaseBatch, setAside, settleBatch, type ItemOutcome, type OutboxItem } from '../store/outbox';
import type { KioskStore } from '../store/kiosk-store';
import { getSyncValue, setSyncValue } from '../store/sync-state';
import { backoffDelay, DEFAULT_BACKOFF, type BackoffPolicy } from './backoff';
import { CONFIG_PART_SCHEMAS } from './config-validators';
import { CountyError, type CountyClient } from './county-client';
import { pullOutcomes } from './outcome-pull';
import type { AppliedOutcomes } from '../store/outcomes';

/** 409 answers (the county's count differs) an attachment may get in one round before the round gives up. */
const MAX_CONFLICTS_PER_ATTACHMENT = 3;

export interface SyncStatus {
  configured: boolean;
  online: boolean;
  pending: number;
  rejected: number;
  acknowledged: number;
  oldestPendingAt: string | null;
  lastSyncAt: string | null;
  nextAttemptAt: string | null;
  consecutiveFailures: number;
  lastError: string | null;
  configVersion: number;
}

export interface SyncEngineOptions {
  store: KioskStore;
  /** null = no county configured: the kiosk runs offline and queues. */
  client: CountyClient | null;
  kioskId: string;
  appVersion: string;
  log: Logger;
  now?: () => Date;
  random?: () => number;
  batchMaxItems?: number;
  batchMaxBytes?: number;
  chunkBytes?: number;
  backoff?: BackoffPolicy;
  /** Seconds between rounds while all is well. */
  intervalMs?: number;
  devices?: () => Heartbeat['devices'];
  onProgress?: (status: SyncStatus) => void;
  /** The county settled queued items in this batch (received or refused): their records changed, not only the counts. */
  onSettled?: () => void;
  onConfigChanged?: (part: ConfigPart, version: number) => void;
  /** Outcomes of applications arrived from the county (each applied once). */
  onOutcomes?: (changed: AppliedOutcomes['applied']) => void;
  /** The county moved 全程代办 cases of this point (taken, returned, finished): the case records changed. */
  onCasesMoved?: (moved: AppliedOutcomes['cases']) => void;
  /** The point's fault tickets (default: a desk over the store with the county's response times). */
  faults?: FaultDesk;
}

export interface RoundResult {
  ok: boolean;
  sent: number;
  acknowledged: number;
  rejected: number;
  retried: number;
  configChanged: ConfigPart[];
  error?: string;
}

/**
 * The sync client: sends the outbox in batches (attachments first, in resumable chunks), settles each item only on
 * the county's per-item answer, pulls newer config and applies it atomically, sends a heartbeat and open fault
 * tickets. Rounds never overlap; failures back off exponentially with jitter.
 */
export class SyncEngine {
  private readonly now: () => Date;
  private readonly random: () => number;
  private readonly batchMaxItems: number;
  private readonly batchMaxBytes: number;
  private readonly chunkBytes: number;
  private readonly backoff: BackoffPolicy;
  private readonly intervalMs: number;
  private running: Promise<RoundResult> | null = null;
  private following: Promise<RoundResult> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private stopped = true;
  private failures = 0;
  private lastError: string | null = null;
  private nextAttemptAt: Date | null = null;
  private online = false;

  private readonly faults: FaultDesk;

  constructor(private readonly options: SyncEngineOptions) {
    this.now = options.now ?? (() => new Date());
    this.faults =
      options.faults ??
      new FaultDesk({ db: options.store.db, now: this.now, newId: () => crypto.randomUUID(), responseMinutes: () => siteResponseMinutes(options.store.db) });
    this.random = options.random ?? Math.random;
    this.batchMaxItems = options.batchMaxItems ?? 100;
    this.batchMaxBytes = options.batchMaxBytes ?? 4 * 1024 * 1024;
    this.chunkBytes = options.chunkBytes ?? 256 * 1024;
    this.backoff = options.backoff ?? DEFAULT_BACKOFF;
    this.intervalMs = options.intervalMs ?? 30_000;
  }

  status(): SyncStatus {
    const counts = outboxCounts(this.options.store.db);
    return {
      configured: this.options.client !== null,
      online: this.online,
      ...counts,
      lastSyncAt: getSyncValue(this.options.store.db, 'lastSyncAt'),
      nextAttemptAt: this.nextAttemptAt?.toISOString() ?? null,
      consecutiveFailures: this.failures,
      lastError: this.lastError,
      configVersion: Number(getSyncValue(this.options.store.db, 'configVersion') ?? 0),
    };
  }

  /** Starts the background loop (first round right away). */
  start(): void {
    if (!this.options.client || !this.stopped) return;
    this.stopped = false;
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running?.catch(() => undefined);
    await this.following?.catch(() => undefined);
  }

  /** Something was queued: send soon instead of waiting for the interval (unless backing off). */
  kick(): void {
    if (this.stopped || this.failures > 0) return;
    this.schedule(200);
  }

  /** Milliseconds the loop waits after the last round. */
  nextDelayMs(): number {
    return this.failures === 0 ? this.intervalMs : backoffDelay(this.failures, this.backoff, this.random);
  }

  /**
   * One full round that starts after this call. A round already running may have sent its batch and pulled before
   * what the caller just did (a card loss queued, a case moved at the county), so a caller arriving meanwhile gets
   * the next round, shared with everyone else who arrived during the same one: at most one round waits.
   */
  runRound(): Promise<RoundResult> {
    if (!this.running) return this.startRound();
    this.following ??= this.running
      .catch(() => undefined)
      .then(() => {
        this.following = null;
        return this.running ?? this.startRound();
      });
    return this.following;
  }

  private startRound(): Promise<RoundResult> {
    this.running = this.round().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private schedule(delayMs: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.nextAttemptAt = new Date(this.now().getTime() + delayMs);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.runRound().then(() => {
        if (!this.stopped) this.schedule(this.nextDelayMs());
      });
    }, delayMs);
    this.timer.unref?.();
  }

  private async round(): Promise<RoundResult> {
    const result: RoundResult = { ok: true, sent: 0, acknowledged: 0, rejected: 0, retried: 0, configChanged: [] };
    const client = this.options.client;
    if (!client) return { ...result, ok: false, error: 'not_configured' };
    try {
      await this.pushOutbox(client, result);
      const outcomes = await pullOutcomes(this.options.store, client, this.options.log, this.now);
      if (outcomes.applied.length > 0) this.options.onOutcomes?.(outcomes.applied);
      if (outcomes.cases.length > 0) this.options.onCasesMoved?.(outcomes.cases);
      result.configChanged = await this.pullConfig(client);
      await this.sendFaults(client);
      await client.heartbeat(this.heartbeat());
      this.failures = 0;
      this.lastError = null;
      this.online = true;
      setSyncValue(this.options.store.db, 'lastSyncAt', this.now().toISOString());
    } catch (error) {
      this.failures += 1;
      this.online = !(error instanceof CountyError && error.transient && error.status === null);
      this.lastError = error instanceof CountyError ? error.reason : 'internal';
      if (!(error instanceof CountyError)) this.options.log.error({ err: error }, 'sync round failed');
      else this.options.log.warn({ reason: error.reason, status: error.status, failures: this.failures }, 'sync round failed');
      result.ok = false;
      result.error = this.lastError;
    }
    this.options.onProgress?.(this.status());
    return result;
  }

  private async pushOutbox(client: CountyClient, result: RoundResult): Promise<void> {
    const { store } = this.options;
    for (;;) {
      const batch = claimBatch(store.db, store.key, this.batchMaxItems, this.batchMaxBytes);
      if (batch.length === 0) return;
      const ids = batch.map((b) => b.id);
      // Before the attachments, so an item set aside there counts as settled too.
      const settledAtStart = result.acknowledged + result.rejected;
      try {
        const candidates: BatchItem[] = [];
        const outcomes: ItemOutcome[] = [];
        for (const item of batch) {
          if (item.payload === null) {
            outcomes.push({ id: item.id, outcome: 'rejected', reason: 'payloadPurged' });
            continue;
          }
          try {
            candidates.push(toBatchItem(item));
          } catch (error) {
            // Opened but not the shape it was written in: set aside for a clerk, the rest still go.
            this.options.log.error({ err: error, outboxId: item.id }, 'outbox item damaged: set aside');
            outcomes.push({ id: item.id, outcome: 'rejected', reason: DAMAGED_PAYLOAD });
          }
        }
        // Attachments item by item: one whose file cannot be read here is set aside, the county's errors stop the round.
        const items: BatchItem[] = [];
        for (const item of candidates) {
          try {
            for (const sha of item.attachments) await this.uploadAttachment(client, item.id, sha);
            items.push(item);
          } catch (error) {
            if (error instanceof CountyError) throw error;
            this.options.log.error({ err: error, outboxId: item.id }, 'attachment damaged: item set aside');
            setAside(store.db, item.id, DAMAGED_ATTACHMENT);
            result.rejected += 1;
          }
        }
        if (items.length > 0) {
          result.sent += items.length;
          const answer = await client.sendBatch(items);
          for (const r of answer.results) {
            if (r.status === 'accepted' || r.status === 'duplicate') outcomes.push({ id: r.id, outcome: 'acknowledged' });
            else if (r.status === 'rejected') outcomes.push({ id: r.id, outcome: 'rejected', reason: r.reason ?? 'rejected' });
            else outcomes.push({ id: r.id, outcome: 'retry', reason: r.reason ?? 'retry' });
          }
        }
        settleBatch(store.db, outcomes, this.now().toISOString());
        // Whatever is still 'sending' had no answer: back to pending, never stuck.
        const unanswered = releaseBatch(store.db, ids, 'noAnswer');
        result.acknowledged += outcomes.filter((o) => o.outcome === 'acknowledged').length;
        result.rejected += outcomes.filter((o) => o.outcome === 'rejected').length;
        const retried = outcomes.filter((o) => o.outcome === 'retry').length;
        result.retried += retried;
        if (result.acknowledged + result.rejected > settledAtStart) this.options.onSettled?.();
        this.options.onProgress?.(this.status());
        // Items the county asked to send later, or left unanswered: stop this round rather than spin on them.
        if (retried > 0 || unanswered > 0) return;
      } catch (error) {
        const refusedItem = error instanceof CountyError && !error.transient && error.status === 400 ? /^items\.(\d+)\./.exec(error.details.field ?? '') : null;
        if (refusedItem) {
          // The county named one malformed item: keep it as rejected (for a clerk) and send the others again.
          const bad = batch[Number(refusedItem[1])];
          if (bad) {
            settleBatch(store.db, [{ id: bad.id, outcome: 'rejected', reason: `invalid:${error instanceof CountyError ? error.details.field : ''}` }], this.now().toISOString());
            releaseBatch(store.db, ids.filter((id) => id !== bad.id), 'batchRefused');
            result.rejected += 1;
            this.options.onSettled?.();
            continue;
          }
        }
        releaseBatch(store.db, ids, error instanceof CountyError ? error.reason : 'internal');
        if (result.acknowledged + result.rejected > settledAtStart) this.options.onSettled?.();
        throw error;
      }
    }
  }

  /** Resumes an attachment upload from what the county already holds. */
  private async uploadAttachment(client: CountyClient, submissionId: string, sha256: string): Promise<void> {
    const { store } = this.options;
    const row = attachmentUploadState(store.db, submissionId, sha256);
    if (row?.uploaded) return;
    const markUploaded = () => markAttachmentUploaded(store.db, sha256);
    let status = await client.attachmentStatus(sha256);
    if (status.complete) {
      markUploaded();
      return;
    }
    // Not the county's fault: the item is set aside for a clerk (below), or it would block every round behind it.
    if (!row?.file) throw new Error(`attachment file missing: ${sha256.slice(0, 12)}`);
    const bytes = store.files.read(row.file, sha256);
    const checkReceived = (received: number): number => {
      if (!Number.isSafeInteger(received) || received < 0 || received > bytes.length) throw new CountyError(true, 'bad_answer:received');
      return received;
    };
    let offset = checkReceived(status.received);
    let conflicts = 0;
    while (offset < bytes.length) {
      const chunk = bytes.subarray(offset, offset + this.chunkBytes);
      try {
        status = await client.uploadChunk(sha256, offset, bytes.length, chunk);
      } catch (error) {
        // 409: the county holds a different amount than we thought (a lost answer); continue from its count,
        // a few times per round at most (a county that always answers 409 must not keep the round spinning).
        if (error instanceof CountyError && error.status === 409 && error.details.received !== undefined && conflicts < MAX_CONFLICTS_PER_ATTACHMENT) {
          conflicts += 1;
          offset = checkReceived(error.details.received);
          continue;
        }
        if (error instanceof CountyError && error.status === 409) throw new CountyError(true, 'upload_conflicts');
        throw error;
      }
      const next = checkReceived(status.received);
      if (status.complete) break;
      // An answer that does not move forward is not progress.
      if (next <= offset) throw new CountyError(true, 'bad_answer:no_progress');
      offset = next;
    }
    if (!status.complete) throw new CountyError(true, 'bad_answer:incomplete_upload');
    markUploaded();
  }

  private async pullConfig(client: CountyClient): Promise<ConfigPart[]> {
    const { store } = this.options;
    const since = Number(getSyncValue(store.db, 'configVersion') ?? 0);
    const config = await client.pullConfig(since);
    if (!config) return [];
    const parts: Array<{ part: ConfigPart; version: number; body: unknown }> = [];
    for (const part of CONFIG_PARTS) {
      const incoming = config[part];
      if (!incoming) continue;
      const parsed = CONFIG_PART_SCHEMAS[part].safeParse(incoming.body);
      if (!parsed.success) {
        // A broken download changes nothing: not this part, not the version we ask from next time.
        throw new CountyError(true, `bad_config:${part}`);
      }
      parts.push({ part, version: incoming.version, body: parsed.data });
    }
    const at = this.now().toISOString();
    const changed = store.db.transaction(() => {
      const applied = applyConfigParts(store.db, parts, at, store.key);
      for (const t of config.tickets) this.faults.applyCounty(t);
      setSyncValue(store.db, 'configVersion', String(config.version));
      return applied;
    }).immediate();
    for (const c of changed) this.options.onConfigChanged?.(c.part, c.version);
    return changed.map((c) => c.part);
  }

  /** New tickets and the point's moves (climbs included) the county has not confirmed yet. */
  private async sendFaults(client: CountyClient): Promise<void> {
    this.faults.tick();
    const due = this.faults.toReport().slice(0, 50);
    if (due.length === 0) return;
    await client.reportFaults(
      due.map((t) => ({ id: t.id, openedAt: t.openedAt, deviceId: t.deviceId, summary: t.summary, ...(t.unsentMoves.length ? { moves: t.unsentMoves.slice(0, 50) } : {}) })),
    );
    this.faults.reported(due);
  }

  private heartbeat(): Heartbeat {
    const counts = outboxCounts(this.options.store.db);
    return {
      kioskId: this.options.kioskId,
      at: this.now().toISOString(),
      appVersion: this.options.appVersion.slice(0, 40),
      configVersion: Number(getSyncValue(this.options.store.db, 'configVersion') ?? 0),
      queueDepth: counts.pending,
      rejected: counts.rejected,
      oldestPendingAt: counts.oldestPendingAt,
      devices: this.options.devices?.() ?? [],
      catalogVersion: getConfigPart(this.options.store.db, 'catalog')?.version ?? null,
    };
  }
}

function toBatchItem(item: OutboxItem): BatchItem {
  if (item.kind === 'siteRecord') {
    return { id: item.id, kind: 'siteRecord', createdAt: item.createdAt, residentRef: null, payload: item.payload as SiteRecord, attachments: [] };
  }
  if (item.kind === 'case') {
    return { id: item.id, kind: 'case', createdAt: item.createdAt, residentRef: item.residentRef, payload: CasePayloadSchema.parse(item.payload), attachments: [] };
  }
  if (item.kind === 'caseStep') {
    return { id: item.id, kind: 'caseStep', createdAt: item.createdAt, residentRef: item.residentRef, payload: CaseStepPayloadSchema.parse(item.payload), attachments: [] };
  }
  if (item.kind === 'monthlyReport') {
    return { id: item.id, kind: 'monthlyReport', createdAt: item.createdAt, residentRef: null, payload: item.payload as MonthlyReportPayload, attachments: [] };
  }
  const payload = item.payload as SubmissionPayload;
  const shas = [...payload.attachments.map((a) => a.sha256), ...(payload.face ? [payload.face.sha256] : [])];
  return {
    id: item.id,
    kind: 'submission',
    createdAt: item.createdAt,
    residentRef: item.residentRef,
    payload,
    attachments: [...new Set(shas)],
  };
}

/** Which config versions the kiosk holds (for sync.status and technicians). */
export function heldConfigVersions(store: KioskStore): Partial<Record<ConfigPart, number>> {
  return configVersions(store.db);
}
