import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { defaultCatalog } from '../../src/shared/catalog/default-catalog';
import { maskName } from '../../src/shared/domain/mask';
import { SAMPLE_RESIDENTS } from '../../src/shared/samples/residents';
import { completeItem } from './support/item-flow';
import { readDb, usePoint } from './support/point';
import { startVisit } from './support/resident';
import { removeTempDir, tempDir } from './support/temp-dirs';

/**
 * A certificate that can be checked (issue 11 item 4): the A4 paper the kiosk printed, read back with pdftotext,
 * holds the county's lines in words (no field keys), the county's one verification code and how to check it, and no
 * seal it does not carry; the county's public /verify confirms that code (when, for whom, masked) and refuses a
 * tampered code or content.
 */
const catalog = defaultCatalog();
const certificate = catalog.items.find((i) => i.code === 'INS-08')!;
const resident = SAMPLE_RESIDENTS[3]!;
const point = usePoint('village');

/** The paper's text as pdftotext reads it (layout kept, so a line stays a line). */
function pdfText(pdf: Buffer): { text: string; file: string } {
  const dir = tempDir('certificate-');
  const file = path.join(dir, 'certificate.pdf');
  fs.writeFileSync(file, pdf);
  return { text: execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }), file };
}

/** The QR on the page: rendered with pdftoppm (poppler-utils) and decoded with zbarimg (zbar-tools, in .ci/run). */
function qrOnPaper(file: string): string {
  execFileSync('pdftoppm', ['-r', '150', '-png', '-f', '1', '-l', '1', file, path.join(path.dirname(file), 'page')]);
  const png = fs.readdirSync(path.dirname(file)).find((f) => f.endsWith('.png'))!;
  return execFileSync('zbarimg', ['--raw', '-q', path.join(path.dirname(file), png)], { encoding: 'utf8' }).trim();
}

const verify = async (code: string, sha256?: string) => {
  const answer = await fetch(`${point.county.url}/verify/${code}${sha256 ? `?sha256=${sha256}` : ''}`);
  return { status: answer.status, body: (await answer.json()) as Record<string, unknown> };
};

test("the printed certificate holds the county's lines in words and a code the county's /verify confirms; a tampered one is refused", async ({ page }) => {
  test.setTimeout(150_000);
  await startVisit(page, point.kiosk.url);
  await point.core.call('dev.documentPrinter.jobs', { clear: true });
  const outcome = await completeItem(page, point.core, certificate, resident);
  expect(outcome.kind).toBe('lookup');
  const { jobs } = await point.core.call('dev.documentPrinter.jobs', { withData: true });
  expect(jobs).toHaveLength(1);
  const pdf = Buffer.from(jobs[0]!.dataBase64!, 'base64');
  const { text, file } = pdfText(pdf);

  // The county's record of what it issued for this kiosk: one certificate, its code, its content hash.
  const issued = readDb(path.join(point.county.dataDir, 'county.sqlite'), (db) =>
    db.prepare('SELECT code, item_code AS itemCode, title, content_sha256 AS sha256, holder_masked AS holder FROM certificates').all(),
  ) as Array<{ code: string; itemCode: string; title: string; sha256: string; holder: string }>;
  expect(issued).toHaveLength(1);
  const [doc] = issued as [(typeof issued)[number]];
  expect(doc.itemCode).toBe('INS-08');

  // On paper: the county's title, lines in words for this resident, the one code, how to verify, no seal claimed.
  expect(text).toContain(doc.title);
  expect(text).toContain(resident.name);
  expect(text).not.toMatch(/verificationCode|idNumber|insuredSince|[a-z]+[A-Z][a-z]+:/);
  expect(text).toContain(doc.code);
  // One code only: no second (kiosk-made) code beside the county's.
  expect(text.match(/[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}/g)?.filter((c) => c !== doc.code) ?? []).toEqual([]);
  expect(text).toContain('核验');
  expect(text).toContain(`/verify/${doc.code}`);
  expect(text).toContain('未加盖印章');
  expect(text).not.toMatch(/电子印章|已盖章|加盖.*公章/);
  expect(text).toContain(`SHA-256 ${doc.sha256.slice(0, 16)}`);
  // The paper names the holder in full (it is the county's certificate); the screen showed it masked.
  expect(text).toContain(`公民身份号码：${resident.idNumber}`);
  await expect(page.getByTestId('lookup-result')).toContainText(doc.title);
  await expect(page.getByTestId('lookup-result')).not.toContainText(resident.idNumber);
  await expect(page.getByTestId('lookup-result')).not.toContainText(resident.name);
  // The QR opens the county's /verify for this code.
  expect(qrOnPaper(file)).toBe(`${point.county.url.replace(/\/+$/, '')}/verify/${doc.code}`);
  removeTempDir(path.dirname(file));

  // Anyone holding the paper asks the county: genuine, what, when, for whom (masked), and the content hash on paper.
  const genuine = await verify(doc.code);
  expect(genuine.status).toBe(200);
  expect(genuine.body).toMatchObject({ genuine: true, code: doc.code, itemCode: 'INS-08', title: doc.title, holder: expect.stringContaining(maskName(resident.name)) });
  expect(String(genuine.body.holder)).not.toContain(resident.idNumber);
  expect(String(genuine.body.contentSha256).slice(0, 16)).toBe(doc.sha256.slice(0, 16));
  expect((await verify(doc.code, doc.sha256)).body).toMatchObject({ genuine: true, contentMatches: true });

  // Tampered: one character of the code changed, or the right code with other content, is refused.
  const last = doc.code.at(-1)!;
  const forged = `${doc.code.slice(0, -1)}${last === 'A' ? 'B' : 'A'}`;
  expect(await verify(forged)).toEqual({ status: 404, body: { genuine: false, code: forged } });
  const otherContent = createHash('sha256').update(text.replace(resident.name, '王大锤')).digest('hex');
  expect(await verify(doc.code, otherContent)).toEqual({ status: 404, body: { genuine: false, code: doc.code } });
});
