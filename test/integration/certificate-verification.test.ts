import http from 'node:http';
import { certificateHash, issueCertificate, newVerificationCode, verifyCertificate, VerificationCodePattern } from '../../src/county/certificates';
import { VERIFY_PER_MINUTE } from '../../src/county/verify-routes';
import { maskResident } from '../../src/shared/domain/mask';
import { SAMPLE_RESIDENTS } from '../../src/shared/samples/residents';
import type { CountyServer } from '../../src/county/server';
import { startTestCounty } from '../support/county-fixtures';

/**
 * Certificates issued and checked at the county, called directly and through /verify with the gateway's own clock
 * (certificates.test.ts goes through a kiosk and checks the words it prints): the stored row, the note in each
 * language, the code's alphabet, a trailing slash on the public address, the exact answers of /verify, and the rate
 * limit's window per address. Written from the mutation run of certificates.ts and verify-routes.ts (docs/testing.md).
 */

const resident = SAMPLE_RESIDENTS[0]!;
const AT = new Date('2026-11-30T09:00:00.000Z');
const CONTENT = { itemCode: 'INS-09', title: 'Resident pension enrolment certificate', lines: ['Name：A', 'Purpose：a loan application'] };

describe('certificates issued and verified at the county', () => {
  let county: CountyServer;
  let clock = AT;
  beforeAll(async () => {
    county = await startTestCounty({ now: () => clock });
  });
  afterAll(async () => {
    await county.close();
  });

  /** GET /verify from one local address (any of 127.0.0.0/8 reaches the gateway; it counts each apart). */
  const verify = (path: string, localAddress = '127.0.0.2') =>
    new Promise<{ status: number; retryAfter: string | undefined; body: Record<string, unknown> }>((resolve, reject) => {
      const request = http.get(`${county.url}/verify/${path}`, { localAddress, agent: false }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode!, retryAfter: res.headers['retry-after'], body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown> }));
      });
      request.on('error', reject);
    });

  it('codes are 12 characters of the Crockford alphabet in three groups, different each time', () => {
    const codes = Array.from({ length: 200 }, () => newVerificationCode());
    for (const code of codes) expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(new Set(codes).size).toBe(200);
    // Over 200 codes (2400 characters) every one of the 32 characters turns up: none is left out of the alphabet.
    expect(new Set(codes.join('').replace(/-/g, '')).size).toBe(32);
    for (const bad of ['ABCD-EFGH-JKM', 'ABCD-EFGH-JKMNP', 'ABCDEFGHJKMN', 'ABCD-EFGH-JKMI', 'ABCD-EFGH-JKML', 'ABCD-EFGH-JKMO', 'ABCD-EFGH-JKMU', 'abcd-efgh-jkmn', 'XABCD-EFGH-JKMN', 'ABCD-EFGH-JKMNX']) {
      expect([bad, VerificationCodePattern.test(bad)]).toEqual([bad, false]);
    }
    expect(VerificationCodePattern.test('0123-4567-89AZ')).toBe(true);
  });

  it('issues one code per document, stores its hash and the holder masked, and notes how to check it in each language', async () => {
    const en = await issueCertificate(county.query, { ...CONTENT, language: 'en', kioskId: 'kiosk-x', holder: resident }, 'https://county.example/', AT);
    const code = en.verification.code;
    const url = `https://county.example/verify/${code}`;
    const contentSha256 = certificateHash({ ...CONTENT, language: 'en', code, issuedAt: AT.toISOString() });
    expect(en).toEqual({
      ...CONTENT,
      language: 'en',
      issuedAt: AT.toISOString(),
      verification: { code, contentSha256, url, note: `Issued online by the county human resources and social security bureau; it carries no stamp. To check it, scan the QR code or open ${url} (code ${code}).` },
    });
    expect(await county.query.selectFrom('certificates').selectAll().where('code', '=', code).executeTakeFirst()).toEqual({
      code,
      item_code: 'INS-09',
      title: CONTENT.title,
      language: 'en',
      issued_at: AT.toISOString(),
      kiosk_id: 'kiosk-x',
      holder_masked: maskResident(resident),
      content_sha256: contentSha256,
    });
    const zh = await issueCertificate(county.query, { ...CONTENT, language: 'zh-CN', kioskId: 'kiosk-x', holder: resident }, 'https://county.example//', AT);
    const zhUrl = `https://county.example/verify/${zh.verification.code}`;
    expect(zh.verification.url).toBe(zhUrl);
    expect(zh.verification.note).toBe(`本证明由县人社局在线开具，未加盖印章。核验：扫描二维码或访问 ${zhUrl}，输入验证码 ${zh.verification.code}。`);
    expect(zh.verification.code).not.toBe(code);
    // The hash covers each part: another language, title, line, item or time gives another hash.
    const base = { ...CONTENT, language: 'en' as const, code, issuedAt: AT.toISOString() };
    const others = [{ language: 'zh-CN' as const }, { title: 'x' }, { lines: ['Name：B', 'Purpose：a loan application'] }, { itemCode: 'INS-17' }, { issuedAt: '2026-11-30T09:00:00.001Z' }, { code: 'ABCD-EFGH-JKMN' }];
    for (const other of others) expect(certificateHash({ ...base, ...other })).not.toBe(contentSha256);

    expect(await verifyCertificate(county.query, code)).toEqual({ genuine: true, code, itemCode: 'INS-09', title: CONTENT.title, issuedAt: AT.toISOString(), holder: maskResident(resident), contentSha256 });
    expect(await verifyCertificate(county.query, code, contentSha256)).toEqual({ genuine: true, code, itemCode: 'INS-09', title: CONTENT.title, issuedAt: AT.toISOString(), holder: maskResident(resident), contentSha256, contentMatches: true });
    expect(await verifyCertificate(county.query, code, 'f'.repeat(64))).toEqual({ genuine: false, code });
    expect(await verifyCertificate(county.query, 'ABCD-EFGH-JKMN')).toEqual({ genuine: false, code: 'ABCD-EFGH-JKMN' });
  });

  it('/verify reads a code however it was typed, refuses a malformed code or hash with the field, and answers in full', async () => {
    const issued = await issueCertificate(county.query, { ...CONTENT, language: 'en', kioskId: 'kiosk-x', holder: resident }, 'https://county.example', AT);
    const { code, contentSha256 } = issued.verification;
    const genuine = { genuine: true, code, itemCode: 'INS-09', title: CONTENT.title, issuedAt: AT.toISOString(), holder: maskResident(resident), contentSha256 };
    expect(await verify(code, '127.0.0.3')).toEqual({ status: 200, retryAfter: undefined, body: genuine });
    expect((await verify(`%20${code.toLowerCase()}%20`, '127.0.0.3')).body).toEqual(genuine);
    expect((await verify(`${code}?sha256=${contentSha256}`, '127.0.0.3')).body).toEqual({ ...genuine, contentMatches: true });
    expect(await verify(`${code}?sha256=${contentSha256.toUpperCase()}`, '127.0.0.3')).toMatchObject({ status: 400, body: { error: 'invalid_query', field: 'sha256' } });
    expect(await verify(`${code}?sha256=${contentSha256}0`, '127.0.0.3')).toMatchObject({ status: 400, body: { error: 'invalid_query', field: 'sha256' } });
    expect(await verify(`${code}?sha256=x${contentSha256.slice(1)}`, '127.0.0.3')).toMatchObject({ status: 400, body: { error: 'invalid_query', field: 'sha256' } });
    expect(await verify('ABCD-EFGH-JKMI', '127.0.0.3')).toMatchObject({ status: 400, body: { error: 'invalid_path', field: 'code' } });
    expect(await verify('ABCD-EFGH-JKMN', '127.0.0.3')).toEqual({ status: 404, retryAfter: undefined, body: { genuine: false, code: 'ABCD-EFGH-JKMN' } });
  });

  it(`/verify allows ${VERIFY_PER_MINUTE} checks a minute per address, says when to retry, and starts a new window after the minute`, async () => {
    const a = '127.0.0.4';
    for (let i = 0; i < VERIFY_PER_MINUTE; i++) expect([i, (await verify('ABCD-EFGH-JKMN', a)).status]).toEqual([i, 404]);
    expect(await verify('ABCD-EFGH-JKMN', a)).toEqual({ status: 429, retryAfter: '60', body: { error: 'too_many_requests' } });
    // Another address has its own minute.
    expect((await verify('ABCD-EFGH-JKMN', '127.0.0.5')).status).toBe(404);
    clock = new Date(AT.getTime() + 20_500);
    expect((await verify('ABCD-EFGH-JKMN', a)).retryAfter).toBe('40'); // 39.5 s left, rounded up
    clock = new Date(AT.getTime() + 59_999);
    expect((await verify('ABCD-EFGH-JKMN', a)).status).toBe(429);
    clock = new Date(AT.getTime() + 60_000);
    expect((await verify('ABCD-EFGH-JKMN', a)).status).toBe(404);
    // The new window counts from its own first check.
    for (let i = 1; i < VERIFY_PER_MINUTE; i++) await verify('ABCD-EFGH-JKMN', a);
    expect((await verify('ABCD-EFGH-JKMN', a)).status).toBe(429);
    clock = AT;
  });
});
