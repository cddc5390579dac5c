import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defaultCatalog } from '../../src/shared/catalog';
import { demoSiteConfig } from '../../src/main/config/load-site-config';
import { createKioskCore } from '../../src/main/core';
import { createMemoryLogger } from '../../src/main/logging/logger';
import { LpHostPrinter } from '../../src/main/printing/host-printer';
import { notificationPdf, queryResultPdf, type PdfContext } from '../../src/main/printing/pdf-documents';
import { translatorFor } from '../../src/main/printing/translator';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-pdf-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const ctx = (language: 'zh-CN' | 'en'): PdfContext => ({
  language,
  t: translatorFor(language),
  siteName: { 'zh-CN': '示范村就业社保服务点', en: 'Demo Village Service Point' },
  kioskId: 'kiosk-test-01',
  printedAt: '2026-11-29T08:30:00.000Z',
  hotline: '0351-12333',
});

/** pdftotext output with whitespace removed (layout spacing varies). */
function textOf(bytes: Uint8Array, name: string): string {
  const file = path.join(tmp, `${name}.pdf`);
  fs.writeFileSync(file, bytes);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-']).toString('utf8');
}

describe('A4 PDF documents (pdf-lib, embedded CJK subset)', () => {
  const item = defaultCatalog().items.find((i) => i.materials.length > 0 && i.guide) ?? defaultCatalog().items.find((i) => i.materials.length > 0)!;

  it('the one-time notification reads back in Chinese: title, item name, every material, verification code', async () => {
    const pdf = await notificationPdf(item, ctx('zh-CN'));
    const text = textOf(pdf.bytes, 'notification-zh').replace(/\s+/g, '');
    expect(text).toContain('一次性告知单');
    expect(text).toContain(item.name['zh-CN'].replace(/\s+/g, ''));
    const materials = item.guide ? item.guide.materials.map((m) => m['zh-CN']) : item.materials.map((m) => m.name['zh-CN']);
    for (const m of materials) expect(text).toContain(m.replace(/\s+/g, ''));
    expect(text).toContain(pdf.verificationCode);
    expect(text).toContain('示范村就业社保服务点');
    // A kiosk-made reference cannot be checked by anyone: the paper says so and invites no "scan to verify".
    expect(text).toContain('不是证明，不能在线核验');
    expect(text).not.toContain('扫码核验本文件真伪');
    // Subset, not the 4 MB font.
    expect(pdf.bytes.length).toBeLessThan(400_000);
  });

  it('renders to an image with pdftoppm (the page is not blank)', async () => {
    const pdf = await notificationPdf(item, ctx('zh-CN'));
    const file = path.join(tmp, 'render.pdf');
    fs.writeFileSync(file, pdf.bytes);
    execFileSync('pdftoppm', ['-r', '50', '-gray', '-f', '1', '-l', '1', file, path.join(tmp, 'page')]);
    const pgm = fs.readFileSync(fs.readdirSync(tmp).filter((f) => f.startsWith('page')).map((f) => path.join(tmp, f))[0]!);
    // PGM: header then one byte per pixel; count dark pixels.
    const header = pgm.toString('latin1', 0, 20).split(/\s+/);
    const pixels = pgm.subarray(pgm.length - Number(header[1]) * Number(header[2]));
    const dark = pixels.filter((p) => p < 128).length;
    expect(dark).toBeGreaterThan(500);
  });

  it('an English query result with a long table breaks onto more pages and masks the resident', async () => {
    const rows = Array.from({ length: 60 }, (_, i) => ({ Month: `2026-${String((i % 12) + 1).padStart(2, '0')}`, Amount: `${100 + i}.00`, 单位: '示范村委会' }));
    const pdf = await queryResultPdf(
      { itemName: item.name, itemCode: item.code, title: 'Pension payment record', fetchedAt: '2026-11-29T08:00:00Z', rows, resident: { name: '张三丰', idNumber: '110101199003074514' } },
      ctx('en'),
    );
    expect(pdf.pages).toBeGreaterThan(1);
    const text = textOf(pdf.bytes, 'query-en');
    expect(text).toContain('Pension payment record');
    expect(text).toContain('Page 2 of');
    expect(text.replace(/\s+/g, '')).toContain('张*丰');
    expect(text).toContain('1101**********4514');
    expect(text).not.toContain('110101199003074514');
  });

  it('prints through lp: the PDF reaches the printer command with the printer name, and the temp file is removed', async () => {
    const fakeLp = path.join(tmp, 'fake-lp.sh');
    const out = path.join(tmp, 'lp-received');
    fs.writeFileSync(fakeLp, `#!/bin/sh\necho "$@" > ${out}.args\nfor last; do true; done\ncp "$last" ${out}.pdf\n`, { mode: 0o755 });
    const pdf = await notificationPdf(item, ctx('zh-CN'));
    await new LpHostPrinter({ lpCommand: fakeLp }).printPdf(pdf.bytes, { printerName: 'village-a4', title: 'notification' });
    expect(fs.readFileSync(`${out}.args`, 'utf8')).toMatch(/^-d village-a4 -t notification -o media=A4 \S+document\.pdf/);
    expect(Buffer.compare(fs.readFileSync(`${out}.pdf`), Buffer.from(pdf.bytes))).toBe(0);
    const tempFile = fs.readFileSync(`${out}.args`, 'utf8').trim().split(' ').pop()!;
    expect(fs.existsSync(tempFile)).toBe(false);
  });

  it('a failing or missing lp is a typed error', async () => {
    const failing = path.join(tmp, 'failing-lp.sh');
    fs.writeFileSync(failing, '#!/bin/sh\necho "lp: The printer or class does not exist." >&2\nexit 1\n', { mode: 0o755 });
    await expect(new LpHostPrinter({ lpCommand: failing }).printPdf(new Uint8Array([1]), { printerName: 'x', title: 't' })).rejects.toMatchObject({ code: 'device_error' });
    await expect(new LpHostPrinter({ lpCommand: path.join(tmp, 'no-such-lp') }).printPdf(new Uint8Array([1]), { printerName: 'x', title: 't' })).rejects.toMatchObject({ code: 'device_not_configured' });
  });
});

describe('print.document through the core with a configured A4 printer', () => {
  it('renders, sends the PDF to lp with the queue name, reports the job done, and lists the printer online', async () => {
    const dir = fs.mkdtempSync(path.join(tmp, 'core-'));
    const lpstat = path.join(dir, 'lpstat');
    fs.writeFileSync(lpstat, '#!/bin/sh\necho "printer $2 is idle.  enabled since today"\n', { mode: 0o755 });
    const lp = path.join(dir, 'lp');
    fs.writeFileSync(lp, `#!/bin/sh\necho "$@" > ${dir}/lp.args\nfor last; do true; done\ncp "$last" ${dir}/printed.pdf\n`, { mode: 0o755 });
    process.env.KIOSK_LPSTAT = lpstat;
    const config = demoSiteConfig();
    config.devices.push({ id: 'a4', kind: 'documentPrinter', transport: { type: 'systemPrinter', name: 'village-a4' }, options: {} });
    const core = await createKioskCore({ config, dataDir: path.join(dir, 'data'), simulate: true, log: createMemoryLogger().logger, appVersion: 't', hostPrinter: new LpHostPrinter({ lpCommand: lp }) });
    try {
      const clerk = core.newConnection('internal');
      clerk.staff = { id: 'c', displayName: 'C', roles: ['clerk'] };
      const listed = await core.dispatcher.dispatch(clerk, 'devices.list', {});
      expect(JSON.stringify(listed)).toMatch(/"id":"a4","kind":"documentPrinter","state":"online"/);
      const item = defaultCatalog().items.find((i) => i.type === 'print')!;
      const outcome = await core.dispatcher.dispatch(clerk, 'print.document', { kind: 'notification', itemCode: item.code, language: 'zh-CN' });
      expect(outcome).toMatchObject({ result: { pages: expect.any(Number), destination: 'village-a4', verificationCode: expect.stringMatching(/^[0-9A-F]{12}$/) } });
      expect(fs.readFileSync(path.join(dir, 'lp.args'), 'utf8')).toMatch(/^-d village-a4 /);
      const text = textOf(fs.readFileSync(path.join(dir, 'printed.pdf')), 'core-printed').replace(/\s+/g, '');
      expect(text).toContain(item.name['zh-CN'].replace(/\s+/g, ''));
      const jobs = await core.dispatcher.dispatch(clerk, 'print.jobs', {});
      expect(JSON.stringify(jobs)).toContain('"label":"a4:notification","state":"done"');

      // The monthly report (src/main/report): clerks only, a month that is over, made if it was not yet.
      const screen = core.newConnection('internal');
      expect(await core.dispatcher.dispatch(screen, 'print.document', { kind: 'monthlyReport', month: '2026-10' })).toMatchObject({ error: { code: 'forbidden' } });
      const report = await core.dispatcher.dispatch(clerk, 'print.document', { kind: 'monthlyReport', month: '2026-10', language: 'zh-CN' });
      expect(report).toMatchObject({ result: { pages: 2, destination: 'village-a4', verificationCode: '2026-10-v1' } });
      const reportText = textOf(fs.readFileSync(path.join(dir, 'printed.pdf')), 'monthly').replace(/\s+/g, '');
      expect(reportText).toContain('服务点月度工作报表');
      expect(reportText).toContain('2026-10');
      expect(reportText).toContain('小计：找工作');
    } finally {
      delete process.env.KIOSK_LPSTAT;
      await core.close();
    }
  });
});
