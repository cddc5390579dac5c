import { createHash, randomBytes } from 'node:crypto';
import { maskResident } from '../shared/domain/mask';
import type { CountyQuery } from './db/connection';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** 12 random Crockford base-32 characters (60 bits) as XXXX-XXXX-XXXX: unguessable, easy to read out on the phone. */
export function newVerificationCode(): string {
  const bytes = randomBytes(12);
  let out = '';
  for (const b of bytes) out += CROCKFORD[b % 32];
  return `${out.slice(0, 4)}-${out.slice(4, 8)}-${out.slice(8, 12)}`;
}

export const VerificationCodePattern = /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;

export interface CertificateContent {
  itemCode: string;
  language: 'zh-CN' | 'en';
  title: string;
  /** Every line in words, in the resident's language, exactly as printed. */
  lines: string[];
}

export interface IssuedCertificate extends CertificateContent {
  issuedAt: string;
  verification: { code: string; contentSha256: string; url: string; note: string };
}

/** The hash a verifier compares: over the code, item, language, title, lines and time of issue, in this order. */
export function certificateHash(doc: CertificateContent & { code: string; issuedAt: string }): string {
  return createHash('sha256').update(JSON.stringify([doc.code, doc.itemCode, doc.language, doc.title, doc.lines, doc.issuedAt])).digest('hex');
}

/**
 * Issues a certificate: one verification code per document, stored with the hash of its content and the holder
 * (masked only: the county keeps who it was for, not a second copy of the ID number). The printed note tells the
 * reader how to check it; nothing is claimed (no seal) that the paper does not carry.
 */
export async function issueCertificate(q: CountyQuery, input: CertificateContent & { kioskId: string; holder: { name: string; idNumber: string } }, publicUrl: string, now: Date): Promise<IssuedCertificate> {
  const issuedAt = now.toISOString();
  const code = newVerificationCode();
  const contentSha256 = certificateHash({ ...input, code, issuedAt });
  const url = `${publicUrl.replace(/\/+$/, '')}/verify/${code}`;
  await q
    .insertInto('certificates')
    .values({
      code,
      item_code: input.itemCode,
      title: input.title,
      language: input.language,
      issued_at: issuedAt,
      kiosk_id: input.kioskId,
      holder_masked: maskResident(input.holder),
      content_sha256: contentSha256,
    })
    .execute();
  const note =
    input.language === 'zh-CN'
      ? `本证明由县人社局在线开具，未加盖印章。核验：扫描二维码或访问 ${url}，输入验证码 ${code}。`
      : `Issued online by the county human resources and social security bureau; it carries no stamp. To check it, scan the QR code or open ${url} (code ${code}).`;
  return { itemCode: input.itemCode, language: input.language, title: input.title, lines: input.lines, issuedAt, verification: { code, contentSha256, url, note } };
}

export type Verification =
  | { genuine: true; code: string; itemCode: string; title: string; issuedAt: string; holder: string; contentSha256: string; contentMatches?: boolean }
  | { genuine: false; code: string };

/** What /verify answers: genuine or not, when, for whom (masked); with a content hash, whether the content matches. */
export async function verifyCertificate(q: CountyQuery, code: string, contentSha256?: string): Promise<Verification> {
  const row = await q.selectFrom('certificates').select(['item_code', 'title', 'issued_at', 'holder_masked', 'content_sha256']).where('code', '=', code).executeTakeFirst();
  if (!row) return { genuine: false, code };
  if (contentSha256 !== undefined && contentSha256 !== row.content_sha256) return { genuine: false, code };
  return { genuine: true, code, itemCode: row.item_code, title: row.title, issuedAt: row.issued_at, holder: row.holder_masked, contentSha256: row.content_sha256, ...(contentSha256 ? { contentMatches: true } : {}) };
}
