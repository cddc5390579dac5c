import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { DEMO_SITE_CONFIG, parseSiteConfig } from '../../src/main/config/load-site-config';
import { createKioskCore, type KioskCore } from '../../src/main/core';
import type { Connection } from '../../src/main/dispatcher';
import { createMemoryLogger } from '../../src/main/logging/logger';
import { DEMO_POINTS } from '../../src/county/console/console-demo-seed';
import type { CountyServer } from '../../src/county/server';
import { siteRecordsOf } from '../../src/county/site-records';
import type { AcceptanceRecord, CommissioningRecord } from '../../src/shared/commissioning/site-record';
import { criteriaOf } from '../../src/shared/commissioning/site-record';
import { demoPassword, startConsoleCounty } from '../support/console-fixtures';
import { tempDataDir } from '../support/store-fixtures';

jest.setTimeout(90_000);

/**
 * Commissioning and acceptance from the kiosk to the county: the kiosk runs the automatic steps itself, the technician
 * ticks publicity, a township account confirmed by the county signs the acceptance; both records reach the county's
 * store field by field (where the console's programme reads them) and print as A4 PDFs whose text says what was checked.
 */
describe('commissioning and acceptance, kiosk to county', () => {
  let county: CountyServer;
  let core: KioskCore;
  let technician: Connection;
  const now = () => new Date();
  const point = DEMO_POINTS.find((p) => p.kioskId === 'demo-kiosk-2')!;
  const outDir = tempDataDir('site-record-pdf-');

  const call = async <T>(c: Connection, method: string, params: unknown = {}): Promise<T> => {
    const outcome = await core.dispatcher.dispatch(c, method, params);
    if ('error' in outcome) throw Object.assign(new Error(`${method}: ${JSON.stringify(outcome.error)}`), { code: outcome.error.code, details: outcome.error.details });
    return outcome.result as T;
  };
  const pdfText = async (recordId: string, language: 'zh-CN' | 'en'): Promise<string> => {
    const file = await call<{ fileName: string; base64: string }>(technician, 'siteRecords.file', { recordId, language });
    const target = path.join(outDir, `${language}-${file.fileName}`);
    fs.writeFileSync(target, Buffer.from(file.base64, 'base64'));
    expect(fs.readFileSync(target).subarray(0, 5).toString()).toBe('%PDF-');
    return execFileSync('pdftotext', ['-layout', target, '-'], { encoding: 'utf8' });
  };
  const deliver = async () => {
    for (let i = 0; i < 3; i++) {
      const round = await call<{ ok: boolean }>(technician, 'sync.now');
      if (round.ok) return;
    }
    throw new Error('sync failed');
  };

  beforeAll(async () => {
    county = await startConsoleCounty({ now });
    const config = parseSiteConfig({
      ...DEMO_SITE_CONFIG,
      site: { ...DEMO_SITE_CONFIG.site, divisionCode: point.divisionCode, name: point.name },
      // The document camera needs a browser's media; this point commissions its simulated devices.
      devices: (DEMO_SITE_CONFIG.devices ?? []).filter((d) => d.kind !== 'documentCamera'),
      county: { url: county.url, kioskId: point.kioskId, secret: point.secret, development: true, syncIntervalSeconds: 3600 },
    });
    core = await createKioskCore({ config, dataDir: tempDataDir('kiosk-commissioning-'), simulate: true, log: createMemoryLogger().logger, appVersion: '0.0.0-test', now });
    technician = core.newConnection('internal');
    technician.staff = { id: 'tech-sun', displayName: '孙技术员', roles: ['technician'] };
    await deliver(); // the staff list arrives from the county
  });
  afterAll(async () => {
    await core?.close();
    await county?.close();
  });

  let commissioning: CommissioningRecord;

  it('runs the automatic steps on the kiosk, takes the manual tick, and the county stores the record as made', async () => {
    await expect(call(technician, 'commissioning.complete', { manual: [{ id: 'publicity', passed: true }] })).rejects.toMatchObject({ code: 'conflict' });
    const run = await call<{ steps: CommissioningRecord['steps']; manual: string[] }>(technician, 'commissioning.check');
    expect(run.manual).toEqual(['publicity']);
    expect(run.steps.map((s) => [s.id, s.passed])).toEqual([
      ['device:id-reader', true],
      ['device:ssc-reader', true],
      ['device:receipt-printer', true],
      ['device:face-camera', true],
      ['countyReachable', true],
      ['syncRound', true],
      ['clockAgrees', true],
      ['staffLogin', true],
      ['officeHours', true],
      ['consultationPhone', true],
    ]);
    expect(run.steps.every((s) => s.how === 'automatic' && s.checkedBy.name === '孙技术员')).toBe(true);
    // What each check found is data (keys, numbers, names), never a sentence in one language.
    const found = Object.fromEntries(run.steps.map((s) => [s.id, s.finding]));
    expect(found['device:id-reader']).toMatchObject({ key: 'deviceSteps', steps: expect.arrayContaining([{ name: 'port', ok: true }, { name: 'samStatus', ok: true }]) });
    expect(found).toMatchObject({
      syncRound: { key: 'syncCompleted' },
      clockAgrees: { key: 'clockOffset', seconds: 0 },
      staffLogin: { key: 'staffAccount', username: 'tech', roles: ['technician'] },
      officeHours: { key: 'officeHours', hours: expect.arrayContaining([expect.objectContaining({ days: expect.any(Array) })]) },
      consultationPhone: { key: 'phone', phone: expect.stringMatching(/^[0-9-]+$/) },
    });
    expect(found.countyReachable).toBeUndefined();
    expect(run.steps.every((s) => s.detail === undefined)).toBe(true);

    commissioning = await call<CommissioningRecord>(technician, 'commissioning.complete', { manual: [{ id: 'publicity', passed: true, detail: 'board by the door' }] });
    expect(commissioning).toMatchObject({ kind: 'commissioning', passed: true, kioskId: point.kioskId, divisionCode: point.divisionCode, technician: { id: 'tech-sun', name: '孙技术员' } });
    expect(commissioning.steps.map((s) => s.id)).toEqual([...run.steps.map((s) => s.id), 'publicity']);
    expect(commissioning.steps.at(-1)).toMatchObject({ how: 'manual', passed: true, detail: 'board by the door' });

    await deliver();
    const stored = await siteRecordsOf(county.query, point.kioskId, 'commissioning');
    expect(stored.map((s) => s.record)).toEqual([commissioning]);
    const held = await call<{ records: Array<{ record: { recordId: string }; delivered: boolean }> }>(technician, 'siteRecords.list');
    expect(held.records).toEqual([{ record: commissioning, delivered: true }]);
  });

  it('prints the commissioning record on A4 with every check and its result', async () => {
    const zh = await pdfText(commissioning.recordId, 'zh-CN');
    for (const words of ['服务点安装调试记录', '土沃乡东庄村服务点', point.divisionCode, '孙技术员', '设备自检：receipt-printer', '能连通县里', '时钟与县里一致', '已公示', '人工', '结论']) {
      expect(zh).toContain(words);
    }
    expect(zh.match(/通过/g)!.length).toBeGreaterThanOrEqual(commissioning.steps.length + 1);
    expect(zh).not.toContain('未通过');
    // What each check found, in the language asked for; the technician's note as typed.
    for (const words of ['端口：通过', '安全模块状态：通过', '同步完成', '相差 0 秒', '账号 tech，角色：技术员', '周一', 'board by the door']) expect(zh).toContain(words);
    expect(zh).not.toMatch(/sync round|offset|staff list|: ok|: fail|technician\)/);
    const en = await pdfText(commissioning.recordId, 'en');
    expect(en).toContain('Service point commissioning record');
    expect(en).toContain('Self-test: face-camera');
    expect(en).toContain('Publicity posted');
    for (const words of ['Port: passed', 'Sync round completed', 'Off by 0 s', 'Account tech, role: Technician', 'Mon']) expect(en).toContain(words);
    expect(en).not.toMatch(/同步|通过|账号|端口/);
  });

  it('has the acceptance signed by an account the county confirms for this point, and stores it', async () => {
    const criteria = criteriaOf('basic').map((id) => ({ id, met: true }));
    await expect(call(technician, 'acceptance.record', { standard: 'basic', criteria })).rejects.toMatchObject({ code: 'conflict' });
    await expect(call(technician, 'acceptance.signIn', { username: 'tuwo', password: 'wrong-password' })).rejects.toMatchObject({ code: 'invalid_credentials' });
    await expect(call(technician, 'acceptance.signIn', { username: 'beige', password: demoPassword('beige') })).rejects.toMatchObject({ code: 'forbidden' });
    const signer = await call<{ id: string; name: string; role: string }>(technician, 'acceptance.signIn', { username: 'tuwo', password: demoPassword('tuwo') });
    expect(signer).toEqual({ id: 'township-tuwo', name: '土沃乡人社所 王建国', role: 'township' });
    await expect(call(technician, 'acceptance.record', { standard: 'demonstration', criteria })).rejects.toMatchObject({ code: 'invalid_params' });
    const withNote = criteria.map((c) => (c.id === 'guidesAndPhone' ? { ...c, met: false, note: 'phone number not on the board' } : c));
    const acceptance = await call<AcceptanceRecord>(technician, 'acceptance.record', { standard: 'basic', criteria: withNote });
    expect(acceptance).toMatchObject({ kind: 'acceptance', passed: false, signedBy: signer, commissioningRecordId: commissioning.recordId });
    // One sign-in, one signature.
    await expect(call(technician, 'acceptance.record', { standard: 'basic', criteria })).rejects.toMatchObject({ code: 'conflict' });

    await deliver();
    expect((await siteRecordsOf(county.query, point.kioskId, 'acceptance')).map((s) => s.record)).toEqual([acceptance]);
    const en = await pdfText(acceptance.recordId, 'en');
    for (const words of ['Service point acceptance record', 'Basic point standard', 'Signed by', '土沃乡人社所 王建国', 'Township office', 'phone number not on the board', 'not met', 'not passed']) {
      expect(en).toContain(words);
    }
  });
});
