import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { DataKey } from '../../src/main/crypto/data-key';
import { FileKeyKeeper } from '../../src/main/crypto/file-key-keeper';
import { KeyKeeperError } from '../../src/main/crypto/key-keeper';
import { createKioskCore } from '../../src/main/core';
import { demoSiteConfig } from '../../src/main/config/load-site-config';
import { createMemoryLogger } from '../../src/main/logging/logger';
import { KioskStore } from '../../src/main/store/kiosk-store';
import { openTestStore, sampleSubmission, tempDataDir } from '../support/store-fixtures';
import { otherKeeper } from '../support/other-key-keeper';

/** Issue 14 item 9: switching key keepers never stops the kiosk silently. */
describe('which key keeper wrapped the data key', () => {
  it('records the keeper; another keeper gets a clear message; a deliberate migration moves the key', () => {
    const dir = path.join(tempDataDir(), 'keys');
    const file = new FileKeyKeeper(path.join(dir, 'kek'));
    const ref = DataKey.loadOrCreate(dir, file).residentRef('110101199003074518');
    expect(fs.readFileSync(path.join(dir, 'data-key.keeper'), 'utf8')).toBe('file');

    const other = otherKeeper();
    expect(() => DataKey.loadOrCreate(dir, other)).toThrow(KeyKeeperError);
    expect(() => DataKey.loadOrCreate(dir, other)).toThrow(/wrapped by the "file" key keeper, but this kiosk now starts with "safeStorage"/);

    DataKey.migrateKeeper(dir, file, other);
    expect(DataKey.loadOrCreate(dir, other).residentRef('110101199003074518')).toBe(ref);
    expect(() => DataKey.loadOrCreate(dir, file)).toThrow(/wrapped by the "safeStorage" key keeper/);
  });

  it('a key from before keepers were recorded opens with its keeper (which is then recorded), and says so clearly with another', () => {
    const dir = path.join(tempDataDir(), 'keys');
    const file = new FileKeyKeeper(path.join(dir, 'kek'));
    DataKey.loadOrCreate(dir, file);
    fs.rmSync(path.join(dir, 'data-key.keeper'));
    expect(() => DataKey.loadOrCreate(dir, otherKeeper())).toThrow(/cannot be opened with the "safeStorage" key keeper \(it records no keeper/);
    DataKey.loadOrCreate(dir, file);
    expect(fs.readFileSync(path.join(dir, 'data-key.keeper'), 'utf8')).toBe('file');
  });
});

/**
 * A keeper move killed (SIGKILL) at each of its steps: the next start finds the key under exactly one keeper, the one
 * the record names, with the same resident references, and no journal or temp file left behind.
 */
describe('migrateKeeper survives a kill at every step', () => {
  const root = path.resolve(__dirname, '..', '..');
  const run = (dir: string, killAt: number) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'test/support/migrate-keeper-child.ts', dir, String(killAt)], { cwd: root, encoding: 'utf8' });
  const idNumber = '110101199003074518';

  it('a start after the kill finishes the move or finds it not begun', () => {
    const steps = run(path.join(tempDataDir(), 'keys-dry'), 0);
    expect(steps.status).toBe(0);
    const names = steps.stdout.trim().split('\n');
    expect(names.length).toBeGreaterThanOrEqual(10);
    for (let killAt = 1; killAt <= names.length; killAt++) {
      const dir = path.join(tempDataDir(), 'keys');
      const file = new FileKeyKeeper(path.join(dir, 'kek'));
      const ref = DataKey.loadOrCreate(dir, file).residentRef(idNumber);
      const killed = run(dir, killAt);
      expect({ killAt, signal: killed.signal }).toEqual({ killAt, signal: 'SIGKILL' });
      // Whatever the record says after start-up is the keeper that opens the key; the other is refused clearly.
      let opened: string;
      try {
        opened = DataKey.loadOrCreate(dir, otherKeeper()).residentRef(idNumber);
      } catch (error) {
        expect(error).toBeInstanceOf(KeyKeeperError);
        opened = DataKey.loadOrCreate(dir, file).residentRef(idNumber);
      }
      const recorded = fs.readFileSync(path.join(dir, 'data-key.keeper'), 'utf8');
      expect({ step: names[killAt - 1], same: opened === ref }).toEqual({ step: names[killAt - 1], same: true });
      // Once the journal is complete the move is finished, never rolled back.
      const journalDone = names.slice(0, killAt).some((n) => n.includes('journalWritten'));
      if (journalDone) expect({ step: names[killAt - 1], recorded }).toEqual({ step: names[killAt - 1], recorded: 'safeStorage' });
      expect(fs.readdirSync(dir).filter((f) => f.includes('.tmp') || f.includes('migrating'))).toEqual([]);
    }
  }, 120_000);
});

/** Issue 14 item 19: the key-file keeper's key is not kept next to the wrapped data key. */
describe('where the key-encryption key lives', () => {
  it('outside the data dir; a key in the old place is moved once and still opens the data', async () => {
    const dataDir = tempDataDir();
    // The old layout: DATA-DIR/keys/kek beside DATA-DIR/keys/data-key.wrapped, with a submission in the store.
    const old = openTestStore(dataDir);
    const receipt = old.submit(sampleSubmission(0), new Date());
    old.close();
    expect(fs.existsSync(path.join(dataDir, 'keys', 'kek'))).toBe(true);

    const { logger, lines } = createMemoryLogger();
    const core = await createKioskCore({ config: demoSiteConfig(), dataDir, simulate: true, log: logger, appVersion: 't' });
    await core.close();
    expect(fs.existsSync(path.join(dataDir, 'keys', 'kek'))).toBe(false);
    const moved = path.join(path.dirname(dataDir), `.${path.basename(dataDir)}.kek`);
    expect(fs.statSync(moved).mode & 0o777).toBe(0o600);
    expect(lines().some((l) => l.includes('key-encryption key moved out of the data dir'))).toBe(true);
    // The data still opens with the moved key.
    const reopened = KioskStore.open({ dataDir, keeper: new FileKeyKeeper(moved) });
    expect(reopened.db.prepare('SELECT COUNT(*) AS n FROM submissions WHERE id = ?').get(receipt.submissionId)).toEqual({ n: 1 });
    reopened.close();
  });
});
