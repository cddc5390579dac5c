import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { demoSiteConfig } from '../../src/main/config/load-site-config';
import { createKioskCore, type KioskCore } from '../../src/main/core';
import type { Connection } from '../../src/main/dispatcher';
import { createMemoryLogger } from '../../src/main/logging/logger';
import { LpHostPrinter } from '../../src/main/printing/host-printer';
import { SAMPLE_RESIDENTS } from '../../src/shared/samples/residents';
import { maskIdNumber, maskName } from '../../src/shared/domain/mask';
import { JOB_FORM } from '../support/clerk-work';

jest.setTimeout(60_000);

/**
 * A4 copies (issue 9 items 6 and 9): the inquiry register and "where is my request" on the document printer, the
 * same content as the slips, with the CJK font embedded. The real core sends the PDF to a stand-in `lp`; pdftotext
 * reads it back.
 */
describe('A4 copies of the inquiry register and "where is my request"', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'a4-copies-'));
  let core: KioskCore;
  const text = () => execFileSync('pdftotext', ['-enc', 'UTF-8', path.join(dir, 'printed.pdf'), '-']).toString('utf8').replace(/\s+/g, '');
  const ok = async <T = Record<string, unknown>>(c: Connection, method: string, params: unknown = {}): Promise<T> => {
    const outcome = await core.dispatcher.dispatch(c, method, params);
    if ('error' in outcome) throw new Error(`${method}: ${JSON.stringify(outcome.error)}`);
    return outcome.result as T;
  };

  beforeAll(async () => {
    const lpstat = path.join(dir, 'lpstat');
    fs.writeFileSync(lpstat, '#!/bin/sh\necho "printer $2 is idle.  enabled since today"\n', { mode: 0o755 });
    const lp = path.join(dir, 'lp');
    fs.writeFileSync(lp, `#!/bin/sh\nfor last; do true; done\ncp "$last" ${dir}/printed.pdf\n`, { mode: 0o755 });
    process.env.KIOSK_LPSTAT = lpstat;
    const config = demoSiteConfig();
    config.devices.push({ id: 'a4', kind: 'documentPrinter', transport: { type: 'systemPrinter', name: 'village-a4' }, options: {} });
    core = await createKioskCore({ config, dataDir: path.join(dir, 'data'), simulate: true, log: createMemoryLogger().logger, appVersion: 't', hostPrinter: new LpHostPrinter({ lpCommand: lp }), controlSocket: false });
  });
  afterAll(async () => {
    delete process.env.KIOSK_LPSTAT;
    await core?.close();
  });

  it('prints the clerk’s register on A4 as listed', async () => {
    const clerk = Object.assign(core.newConnection('internal'), { staff: { id: 'clerk-li', displayName: '李秀英', roles: ['clerk'] as const } });
    await ok(clerk, 'inquiries.open', { origin: 'phone', topic: '问养老金领取时间', askerMasked: '王*国', due: 'today' });
    const job = await ok<{ label: string; state: string }>(clerk, 'inquiries.print', { paper: 'a4', language: 'zh-CN' });
    expect(job).toMatchObject({ label: 'a4:inquiryRegister', state: 'done' });
    const paper = text();
    for (const words of ['首问负责登记簿', '李秀英', '问养老金领取时间', '王*国', '电话']) expect(paper).toContain(words);
    // A resident cannot print a clerk's register.
    expect(await core.dispatcher.dispatch(core.newConnection('internal'), 'inquiries.print', { paper: 'a4' })).toMatchObject({ error: { code: 'forbidden' } });
  });

  it("prints the resident's requests on A4, masked", async () => {
    const resident = core.newConnection('internal');
    const r = SAMPLE_RESIDENTS[3]!;
    await ok(resident, 'dev.idCard.insert', { residentIndex: 3 });
    await ok(resident, 'session.identify', { source: 'idCard' });
    const receipt = await ok<{ trackingNumber: string }>(resident, 'applications.submit', { itemCode: 'JOB-01', form: JOB_FORM, attachments: [] });
    const job = await ok<{ label: string; state: string }>(resident, 'print.myRequests', { paper: 'a4', language: 'zh-CN' });
    expect(job).toMatchObject({ label: 'a4:myRequests', state: 'done' });
    const paper = text();
    expect(paper).toContain(receipt.trackingNumber);
    expect(paper).toContain(maskName(r.name));
    expect(paper).toContain(maskIdNumber(r.idNumber));
    expect(paper).not.toContain(r.idNumber);
    // The CJK font is embedded, so the paper reads the same on any printer.
    expect(execFileSync('pdffonts', [path.join(dir, 'printed.pdf')]).toString()).toMatch(/CID TrueType\s+Identity-H\s+yes/);
    await ok(resident, 'dev.idCard.remove');
  });
});
