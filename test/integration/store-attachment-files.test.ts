import fs from 'node:fs';
import path from 'node:path';
import { insertAudit, recentAudit } from '../../src/main/store/audit';
import { openTestStore, tempDataDir } from '../support/store-fixtures';

describe('attachment files and the audit trail in the store', () => {
  it('sweeps files no row names and every .tmp file, leaves the rest, removes emptied folders and counts what went', () => {
    const store = openTestStore(tempDataDir());
    const files = store.files;
    const kept = files.write('sub-a', 'aa', Buffer.from('kept'));
    files.write('sub-a', 'bb', Buffer.from('orphan'));
    files.write('sub-b', 'cc', Buffer.from('orphan too'));
    fs.writeFileSync(path.join(files.dir, 'sub-a', 'dd.bin.tmp'), 'half written');
    fs.writeFileSync(path.join(files.dir, 'sub-a', 'tmp-not-a-temp.bin'), 'named by a row');
    fs.writeFileSync(path.join(files.dir, 'stray-file'), 'not a folder');
    const referenced = new Set([kept, path.join('sub-a', 'dd.bin.tmp'), path.join('sub-a', 'tmp-not-a-temp.bin')]);
    expect(files.sweep((rel) => referenced.has(rel))).toBe(3);
    expect(fs.readdirSync(files.dir).sort()).toStrictEqual(['stray-file', 'sub-a']);
    expect(fs.readdirSync(path.join(files.dir, 'sub-a')).sort()).toStrictEqual(['aa.bin', 'tmp-not-a-temp.bin']);
    expect(files.read(kept, 'aa').toString()).toBe('kept');
    store.close();
  });

  it('removes a file or a submission folder that is already gone without complaint', () => {
    const store = openTestStore(tempDataDir());
    const rel = store.files.write('sub-a', 'aa', Buffer.from('x'));
    store.files.remove(rel);
    expect(fs.existsSync(path.join(store.files.dir, rel))).toBe(false);
    expect(() => store.files.remove(rel)).not.toThrow();
    store.files.write('sub-b', 'bb', Buffer.from('y'));
    store.files.removeSubmissionDir('sub-b');
    expect(fs.existsSync(path.join(store.files.dir, 'sub-b'))).toBe(false);
    expect(() => store.files.removeSubmissionDir('sub-b')).not.toThrow();
    store.close();
  });

  it('keeps an audit entry without detail as one without, and one with detail whole', () => {
    const store = openTestStore(tempDataDir());
    insertAudit(store.db, { at: '2026-12-01T08:00:00.000Z', action: 'a.plain', operatorId: null, channel: null, subject: null });
    insertAudit(store.db, { at: '2026-12-01T08:00:01.000Z', action: 'a.detailed', operatorId: 'li', channel: 'window', subject: '张*', detail: { n: 1 } });
    const entries = recentAudit(store.db, 100).filter((a) => a.action.startsWith('a.'));
    expect(entries).toStrictEqual([
      { at: '2026-12-01T08:00:01.000Z', action: 'a.detailed', operatorId: 'li', channel: 'window', subject: '张*', detail: { n: 1 } },
      { at: '2026-12-01T08:00:00.000Z', action: 'a.plain', operatorId: null, channel: null, subject: null },
    ]);
    store.close();
  });
});
