import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { KeyKeeperError } from '../../src/main/crypto/key-keeper';
import { readSubmissionDetail } from '../../src/main/store/submissions';
import { openTestStore, sampleSubmission, tempDataDir } from '../support/store-fixtures';

function allFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? allFiles(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

const ENCODINGS = ['utf8', 'utf16le', 'utf16be', 'gb18030'] as const;

function encodings(text: string): Array<{ encoding: string; bytes: Buffer }> {
  return ENCODINGS.map((encoding) => ({ encoding, bytes: iconv.encode(text, encoding) }));
}

describe('personal data at rest', () => {
  it('leaves no ID number, name, address or scan text readable in the database, its WAL or the attachment files', () => {
    const dataDir = tempDataDir();
    const store = openTestStore(dataDir);
    const input = sampleSubmission(0, {
      attachments: [{ materialCode: 'id-copy', mime: 'text/plain', data: Buffer.from('SCAN-SECRET-王建国-page') }],
      face: { image: Buffer.from('FACE-SECRET-bytes'), livenessScore: 0.97, qualityScore: 0.9 },
    });
    const receipt = store.submit(input, new Date('2026-11-29T08:00:00Z'));
    // Readable back through the key, so the test is not passing on an empty database.
    expect(readSubmissionDetail(store.db, store.key, receipt.submissionId)?.resident.name).toBe(input.resident.name);

    const secrets = [input.resident.idNumber, input.resident.name, input.resident.address!, '13812345678', 'SCAN-SECRET', 'FACE-SECRET'];
    const scan = () => {
      const files = allFiles(dataDir).filter((f) => !f.includes(`${path.sep}keys${path.sep}`));
      expect(files.some((f) => f.endsWith('kiosk.sqlite-wal') || f.endsWith('kiosk.sqlite'))).toBe(true);
      expect(files.filter((f) => f.includes('attachments')).length).toBe(2);
      const found: string[] = [];
      for (const file of files) {
        const raw = fs.readFileSync(file);
        for (const secret of secrets) for (const { encoding, bytes } of encodings(secret)) if (raw.includes(bytes)) found.push(`${secret} (${encoding}) in ${path.basename(file)}`);
      }
      return found;
    };
    expect(scan()).toEqual([]);
    store.db.pragma('wal_checkpoint(TRUNCATE)');
    expect(scan()).toEqual([]);
    store.close();
    expect(scan()).toEqual([]);
  });

  it('the scan itself finds plaintext when it is there (the check can fail)', () => {
    const dataDir = tempDataDir();
    const store = openTestStore(dataDir);
    store.db.prepare("INSERT INTO sync_state (key, value) VALUES ('probe', ?)").run('王建国');
    store.db.pragma('wal_checkpoint(TRUNCATE)');
    const raw = fs.readFileSync(path.join(dataDir, 'kiosk.sqlite'));
    expect(raw.includes(iconv.encode('王建国', 'utf8'))).toBe(true);
    store.close();
  });

  it('refuses a key file readable by others, and a replaced key file', () => {
    const dataDir = tempDataDir();
    openTestStore(dataDir).close();
    const kek = path.join(dataDir, 'keys', 'kek');
    expect((fs.statSync(kek).mode & 0o777).toString(8)).toBe('600');
    fs.chmodSync(kek, 0o644);
    expect(() => openTestStore(dataDir)).toThrow(KeyKeeperError);
    expect(() => openTestStore(dataDir)).toThrow(/chmod 600/);
    fs.chmodSync(kek, 0o600);
    fs.writeFileSync(kek, Buffer.alloc(32, 7).toString('base64'));
    expect(() => openTestStore(dataDir)).toThrow(/cannot be opened/);
  });

  it('a ciphertext moved to another row does not open', () => {
    const dataDir = tempDataDir();
    const store = openTestStore(dataDir);
    const a = store.submit(sampleSubmission(0), new Date());
    const b = store.submit(sampleSubmission(1), new Date());
    store.db.prepare('UPDATE outbox SET payload_enc = (SELECT payload_enc FROM outbox WHERE id = ?) WHERE id = ?').run(a.submissionId, b.submissionId);
    expect(() => readSubmissionDetail(store.db, store.key, b.submissionId)).toThrow();
    store.close();
  });
});
