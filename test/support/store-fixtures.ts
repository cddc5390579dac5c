import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FileKeyKeeper } from '../../src/main/crypto/file-key-keeper';
import { KioskStore } from '../../src/main/store/kiosk-store';
import type { NewSubmission } from '../../src/main/store/submissions';
import type { ResidentIdentity } from '../../src/shared/domain/identity';
import { SAMPLE_RESIDENTS } from '../../src/shared/samples/residents';

export function tempDataDir(prefix = 'kiosk-store-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function openTestStore(dataDir: string, options: { maxPageCount?: number } = {}): KioskStore {
  return KioskStore.open({ dataDir, keeper: new FileKeyKeeper(path.join(dataDir, 'keys', 'kek')), ...options });
}

/**
 * Kiosk stores for one describe block, each in a data dir of its own: `open()` opens a store in a new dir, or in `dir`
 * to open one again after a restart (`dir()` makes an empty one). After the block every store is closed and every
 * dir removed (they hold encrypted residents' data).
 */
export function testStores(prefix: string): { open: (dir?: string) => KioskStore; dir: () => string } {
  const dirs: string[] = [];
  const stores: KioskStore[] = [];
  const dir = () => {
    const made = tempDataDir(prefix);
    dirs.push(made);
    return made;
  };
  afterAll(() => {
    for (const store of stores) store.close();
    for (const made of dirs) fs.rmSync(made, { recursive: true, force: true });
  });
  return {
    dir,
    open: (at = dir()) => {
      const store = openTestStore(at);
      stores.push(store);
      return store;
    },
  };
}

/** Sample resident n (citizens only: an 18-character ID number) as the session would hand it over. */
export function sampleIdentity(n: number): ResidentIdentity {
  const citizens = SAMPLE_RESIDENTS.filter((r) => /^\d{17}[\dX]$/.test(r.idNumber));
  const r = citizens[n % citizens.length]!;
  return { idNumber: r.idNumber, name: r.name, sex: r.sex, birthDate: r.birthDate, address: r.address, source: 'idCard' };
}

export function sampleSubmission(n: number, overrides: Partial<NewSubmission> = {}): NewSubmission {
  return {
    itemCode: 'unemployment-registration',
    channel: 'self',
    operatorId: null,
    resident: sampleIdentity(n),
    form: { phone: '13812345678', reason: `test ${n}`, agreed: true },
    attachments: [{ materialCode: 'household-register', mime: 'image/jpeg', data: Buffer.from(`scan ${n} `.repeat(200)) }],
    ...overrides,
  };
}
