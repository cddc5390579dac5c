import type { CountyClient } from '../../src/main/sync/county-client';
import type { BatchItem, Heartbeat } from '../../src/shared/sync/protocol';

/** What a scripted county heard, in order, so a test can check what the kiosk sent and how often. */
export interface ScriptedCalls {
  batches: BatchItem[][];
  statusAsks: string[];
  chunks: Array<{ sha256: string; start: number; total: number; length: number }>;
  configSince: number[];
  heartbeats: Heartbeat[];
  faultReports: number[];
}

/**
 * A county client that answers as the test scripts it: by default it accepts every batch, holds no attachment,
 * takes every chunk, has nothing new to pull, and records every call. The sync engine's edges (resumed uploads,
 * odd counts, refused batches) are driven through it without a server, so each run takes milliseconds.
 */
export function scriptedCountyClient(overrides: Partial<CountyClient> = {}): CountyClient & { calls: ScriptedCalls } {
  const calls: ScriptedCalls = { batches: [], statusAsks: [], chunks: [], configSince: [], heartbeats: [], faultReports: [] };
  const held = new Map<string, number>();
  const client: CountyClient = {
    sendBatch: async (items) => ({ results: items.map((i) => ({ id: i.id, status: 'accepted' as const })) }),
    attachmentStatus: async (sha256) => ({ sha256, received: held.get(sha256) ?? 0, complete: false }),
    uploadChunk: async (sha256, start, total, chunk) => {
      held.set(sha256, start + chunk.length);
      return { sha256, received: start + chunk.length, complete: start + chunk.length === total };
    },
    pullConfig: async () => null,
    pullOutcomes: async () => ({ cursor: 0, more: false, outcomes: [], refused: 0 }),
    query: async () => ({}) as never,
    noticeResident: async () => ({ expiresAt: '' }),
    endResidentSession: async () => undefined,
    heartbeat: async () => undefined,
    reportFaults: async () => undefined,
    ...overrides,
  };
  // Every call is recorded before the scripted answer runs.
  return {
    ...client,
    calls,
    sendBatch: (items) => (calls.batches.push([...items]), client.sendBatch(items)),
    attachmentStatus: (sha256) => (calls.statusAsks.push(sha256), client.attachmentStatus(sha256)),
    uploadChunk: (sha256, start, total, chunk) => (calls.chunks.push({ sha256, start, total, length: chunk.length }), client.uploadChunk(sha256, start, total, chunk)),
    pullConfig: (since) => (calls.configSince.push(since), client.pullConfig(since)),
    heartbeat: (h) => (calls.heartbeats.push(h), client.heartbeat(h)),
    reportFaults: (tickets) => (calls.faultReports.push(tickets.length), client.reportFaults(tickets)),
  };
}
