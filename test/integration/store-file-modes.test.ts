import fs from 'node:fs';
import path from 'node:path';
import { openTestStore, sampleSubmission, tempDataDir } from '../support/store-fixtures';

const modeOf = (file: string) => fs.statSync(file).mode & 0o777;

/** Issue 14 item 15: what the kiosk keeps on disk is readable by the kiosk's user only. */
describe('file modes of the kiosk store', () => {
  it('tightens an existing data dir and makes the database, -wal and -shm owner-only', () => {
    const dataDir = tempDataDir();
    fs.chmodSync(dataDir, 0o755);
    const previous = process.umask(0o022);
    try {
      const store = openTestStore(dataDir);
      store.submit(sampleSubmission(0), new Date());
      const db = path.join(dataDir, 'kiosk.sqlite');
      expect(fs.existsSync(`${db}-wal`)).toBe(true);
      expect({ dir: modeOf(dataDir), db: modeOf(db), wal: modeOf(`${db}-wal`), shm: modeOf(`${db}-shm`) }).toEqual({ dir: 0o700, db: 0o600, wal: 0o600, shm: 0o600 });
      store.close();
    } finally {
      process.umask(previous);
    }
  });
});
