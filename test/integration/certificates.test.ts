import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseSiteConfig, DEMO_SITE_CONFIG } from '../../src/main/config/load-site-config';
import { createKioskCore, type KioskCore } from '../../src/main/core';
import { createMemoryLogger } from '../../src/main/logging/logger';
import { LpHostPrinter } from '../../src/main/printing/host-printer';
import { HttpCountyClient } from '../../src/main/sync/http-county-client';
import { defaultCatalog } from '../../src/shared/catalog/default-catalog';
import { SAMPLE_RESIDENTS } from '../../src/shared/samples/residents';
import { maskIdNumber } from '../../src/shared/domain/mask';
import { certificateHash, verifyCertificate } from '../../src/county/certificates';
import { VERIFY_PER_MINUTE } from '../../src/county/verify-routes';
import type { CountyServer } from '../../src/county/server';
import { TEST_KIOSK, startTestCounty } from '../support/county-fixtures';
import { tempDataDir } from '../support/store-fixtures';

const resident = SAMPLE_RESIDENTS[0]!;

describe('certificates the county composes, the kiosk prints exactly, and anyone can check', () => {
  let county: CountyServer;
  let client: HttpCountyClient;
  beforeAll(async () => {
    county = await startTestCounty({ catalog: defaultCatalog() });
    client = new HttpCountyClient({ baseUrl: county.url, kioskId: TEST_KIOSK.id, secret: TEST_KIOSK.secret });
    await client.noticeResident({ sessionId: '0196f000-0000-7000-8000-0000000c0001', idNumber: resident.idNumber, source: 'idCard', identifiedAt: new Date().toISOString() });
  });
  afterAll(async () => {
    client.close();
    await county.close();
  });

  const verify = async (code: string, query = '') => {
    const res = await fetch(`${county.url}/verify/${code}${query}`);
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };

  it('composes every line in words in the resident language, one code per document, stored with its content hash', async () => {
    const en = await client.query('INS-09', { idNumber: resident.idNumber, params: { purpose: 'loan' }, language: 'en' });
    const doc = en.document!;
    expect(doc.title).toBe('Resident pension enrolment certificate');
    expect(doc.lines).toEqual(expect.arrayContaining([`Name：${resident.name}`, `Citizen ID number：${resident.idNumber}`, 'Purpose：a loan application']));
    expect(doc.lines.join('\n')).not.toMatch(/verificationCode|idNumber|[a-z]+[A-Z][a-z]+：/);
    expect(doc.verification!.code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(doc.verification!.url).toBe(`${county.url}/verify/${doc.verification!.code}`);
    expect(doc.verification!.note).toContain(doc.verification!.code);
    expect(doc.verification!.note).not.toMatch(/seal/i);
    expect(doc.verification!.contentSha256).toBe(certificateHash({ code: doc.verification!.code, itemCode: 'INS-09', language: 'en', title: doc.title, lines: doc.lines, issuedAt: doc.issuedAt! }));
    const zh = await client.query('INS-09', { idNumber: resident.idNumber, params: { purpose: 'loan' } });
    expect(zh.document!.lines).toContain('用途：贷款');
    expect(zh.document!.verification!.code).not.toBe(doc.verification!.code);
  });

  it('GET /verify answers genuine, when and for whom (masked); a tampered code or content is refused; it is rate-limited', async () => {
    const doc = (await client.query('INS-17', { idNumber: resident.idNumber, params: { purpose: 'housing' } })).document!;
    const code = doc.verification!.code;
    const genuine = await verify(code);
    expect(genuine).toEqual({
      status: 200,
      body: { genuine: true, code, itemCode: 'INS-17', title: doc.title, issuedAt: doc.issuedAt, holder: expect.stringContaining(maskIdNumber(resident.idNumber)), contentSha256: doc.verification!.contentSha256 },
    });
    expect(JSON.stringify(genuine.body)).not.toContain(resident.idNumber);
    expect(JSON.stringify(genuine.body)).not.toContain(resident.name);
    expect((await verify(code, `?sha256=${doc.verification!.contentSha256}`)).body).toMatchObject({ genuine: true, contentMatches: true });
    expect(await verify(code, `?sha256=${'0'.repeat(64)}`)).toEqual({ status: 404, body: { genuine: false, code } });
    const tampered = `${code.slice(0, -1)}${code.endsWith('0') ? '1' : '0'}`;
    expect(await verify(tampered)).toEqual({ status: 404, body: { genuine: false, code: tampered } });
    expect((await verify('not-a-code')).status).toBe(400);
    // Public, but not a guessing machine: the address that used up its minute gets 429 with a retry time.
    for (let i = 0; i < VERIFY_PER_MINUTE; i++) await verify(code);
    const res = await fetch(`${county.url}/verify/${code}`);
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('the kiosk shows the certificate masked and prints exactly what the county sent; pdftotext reads the county lines and a code /verify confirms', async () => {
    const dir = tempDataDir('kiosk-cert-');
    const lpstat = path.join(dir, 'lpstat');
    fs.writeFileSync(lpstat, '#!/bin/sh\necho "printer $2 is idle.  enabled since today"\n', { mode: 0o755 });
    const lp = path.join(dir, 'lp');
    fs.writeFileSync(lp, `#!/bin/sh\nfor last; do true; done\ncp "$last" ${dir}/printed.pdf\n`, { mode: 0o755 });
    process.env.KIOSK_LPSTAT = lpstat;
    const config = parseSiteConfig({ ...DEMO_SITE_CONFIG, county: { url: county.url, kioskId: TEST_KIOSK.id, secret: TEST_KIOSK.secret, development: true, syncIntervalSeconds: 3600 } });
    config.devices.push({ id: 'a4', kind: 'documentPrinter', transport: { type: 'systemPrinter', name: 'village-a4' }, options: {} });
    let core: KioskCore | null = null;
    try {
      core = await createKioskCore({ config, dataDir: path.join(dir, 'data'), simulate: true, log: createMemoryLogger().logger, appVersion: 't', hostPrinter: new LpHostPrinter({ lpCommand: lp }) });
      const conn = core.newConnection('internal');
      conn.staff = { id: 'clerk-li', displayName: 'Li', roles: ['clerk'] };
      expect(await core.dispatcher.dispatch(conn, 'session.identifyTyped', { idNumber: resident.idNumber, name: resident.name, reason: 'cardNotBrought' })).toMatchObject({ result: { source: 'typedByClerk' } });
      const answer = (await core.dispatcher.dispatch(conn, 'queries.run', { itemCode: 'INS-09', params: { purpose: 'employment' }, language: 'zh-CN' })) as {
        result: { document: { lines: string[]; verification: { code: string } }; documentId: string };
      };
      if (!answer.result) throw new Error(JSON.stringify(answer));
      const shown = answer.result.document;
      expect(shown.lines.join('')).not.toContain(resident.idNumber);
      expect(shown.lines.join('')).not.toContain(resident.name);
      expect(shown.lines).toContain(`公民身份号码：${maskIdNumber(resident.idNumber)}`);

      // A screen cannot print content of its own: only an id the core handed out.
      expect(await core.dispatcher.dispatch(conn, 'print.document', { kind: 'certificate', itemCode: 'INS-09', documentId: 'made-up' })).toMatchObject({ error: { code: 'not_found' } });
      const printed = await core.dispatcher.dispatch(conn, 'print.document', { kind: 'certificate', itemCode: 'INS-09', documentId: answer.result.documentId, language: 'zh-CN' });
      expect(printed).toMatchObject({ result: { verificationCode: shown.verification.code, destination: 'village-a4' } });
      const file = path.join(dir, 'printed.pdf');
      const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-']).toString('utf8').replace(/\s+/g, '');
      for (const line of ['城乡居民养老保险参保证明', `姓名：${resident.name}`, `公民身份号码：${resident.idNumber}`, '参保状态：参保缴费', '用途：就业', shown.verification.code]) expect(text).toContain(line.replace(/\s+/g, ''));
      expect(text).not.toMatch(/verificationCode|电子章|电子印章/);
      expect(text).toContain('未加盖印章');
      // (the HTTP check and its rate limit are the test above; here the county's record of this very code)
      expect(await verifyCertificate(county.query, shown.verification.code)).toMatchObject({ genuine: true, itemCode: 'INS-09' });
      // The visit ends: the county's copy is forgotten and cannot be printed again.
      await core.dispatcher.dispatch(conn, 'session.end', { reason: 'finished' });
      expect(await core.dispatcher.dispatch(conn, 'print.document', { kind: 'certificate', documentId: answer.result.documentId })).toMatchObject({ error: { code: 'not_found' } });
    } finally {
      delete process.env.KIOSK_LPSTAT;
      await core?.close();
    }
  });
});
