import type { Connection } from '../../src/main/dispatcher';
import type { KioskCore } from '../../src/main/core';
import { maskIdNumber, maskName } from '../../src/shared/domain/mask';
import { sampleResident } from '../../src/shared/samples/residents';
import Database from 'better-sqlite3';
import path from 'node:path';
import { startTestCore } from '../support/core-harness';
import { until } from '../support/until';

jest.setTimeout(30_000);

/**
 * The whole certification path through the core: the resident's ID card on the simulated reader, a face capture
 * on the simulated module, the submission stored, and its receipt printed on the simulated printer with the
 * tracking number, the QR code and the resident masked.
 */
describe('certification receipt, end to end in the core', () => {
  let core: KioskCore;
  let dataDir = '';
  let screen: Connection;
  let other: Connection;
  let firstSubmission = '';
  const ok = async (method: string, params: unknown = {}, connection?: Connection) => {
    const outcome = await core.dispatcher.dispatch(connection ?? screen, method, params);
    if ('error' in outcome) throw new Error(`${method}: ${JSON.stringify(outcome.error)}`);
    return outcome.result as Record<string, unknown>;
  };

  beforeAll(async () => {
    ({ core, dataDir } = await startTestCore());
    screen = core.newConnection('internal');
    other = core.newConnection('internal');
  });
  afterAll(async () => core?.close());

  it('ID card, face, submit, receipt', async () => {
    await ok('dev.idCard.insert', { residentIndex: 0 });
    await ok('session.identify', { source: 'idCard' });
    const current = await ok('session.current');
    expect(JSON.stringify(current)).toContain('idCard');

    const face = await ok('face.capture', { purpose: 'certification' });
    const submitted = await ok('applications.submit', { itemCode: 'INS-04', form: {}, attachments: [], face });
    expect(submitted).toMatchObject({ trackingNumber: expect.any(String), delivery: 'queued' });
    firstSubmission = String(submitted.submissionId);

    await ok('dev.printer.transcript', { clear: true });
    const job = await ok('print.receipt', { submissionId: submitted.submissionId, language: 'zh-CN' });
    const clerk = Object.assign(core.newConnection('internal'), { staff: { id: 'c', displayName: 'C', roles: ['clerk'] as const } });
    const jobState = async () => ((await ok('print.jobs', {}, clerk)) as { jobs: Array<{ jobId: string; state: string }> }).jobs.find((j) => j.jobId === job.jobId)?.state;
    // Waits for the job to be done (at most 10 s); the assertions on the paper say what came instead.
    await until(async () => (await jobState()) === 'done').catch(() => undefined);
    const text = String((await ok('dev.printer.transcript', {})).text);
    expect(text).toContain('受理回执');
    // No county in the demo config: the receipt says it was accepted here and waits for the network.
    expect(text.replace(/\s+/g, '')).toContain('网络恢复后将自动报送');
    expect(text).toContain(String(submitted.trackingNumber));
    expect(text).toContain(`[QR ${String(submitted.trackingNumber)}]`);
    expect(text).toContain('养老保险待遇领取资格认证'.slice(0, 4));
    // The resident appears masked only.
    const resident = sampleResident(0);
    expect(text).toContain(maskName(resident.name));
    expect(text).toContain(maskIdNumber(resident.idNumber));
    expect(text).not.toContain(resident.idNumber);
    expect(text).not.toContain(resident.name);
  });

  it("another resident may not print the first one's receipt; an unknown submission is not_found", async () => {
    await ok('session.end', { reason: 'finished' });
    await ok('dev.idCard.remove');
    await ok('dev.idCard.insert', { residentIndex: 1 });
    // The second resident is identified on its own connection (the resident role belongs to the connection that
    // identified them), so the refusal below is the handler's ownership check, not the role check.
    await ok('session.identify', { source: 'idCard' }, other);
    expect(await core.dispatcher.dispatch(other, 'print.receipt', { submissionId: firstSubmission })).toMatchObject({ error: { code: 'forbidden', details: { reason: 'notYourSubmission' } } });
    expect(await core.dispatcher.dispatch(other, 'print.receipt', { submissionId: 'no-such-id' })).toMatchObject({ error: { code: 'not_found' } });
  });

  it('records every print with the channel and operator of the connection that asked for it', async () => {
    const clerk = Object.assign(core.newConnection('internal'), { staff: { id: 'clerk-li', displayName: '李秀英', roles: ['clerk'] as const } });
    const slip = await ok('print.notification', { itemCode: 'JOB-05', language: 'zh-CN' }, clerk);
    const db = new Database(path.join(dataDir, 'kiosk.sqlite'), { readonly: true });
    try {
      const rows = db.prepare('SELECT id, kind, item_code AS itemCode, channel, operator_id AS operatorId FROM prints ORDER BY at, id').all();
      expect(rows).toEqual([
        expect.objectContaining({ kind: 'receipt', channel: 'self', operatorId: null }),
        { id: slip.jobId, kind: 'notification', itemCode: 'JOB-05', channel: 'assisted', operatorId: 'clerk-li' },
      ]);
      expect(db.prepare("SELECT channel, operator_id AS operatorId FROM submissions").all()).toEqual([{ channel: 'self', operatorId: null }]);
    } finally {
      db.close();
    }
  });
});
