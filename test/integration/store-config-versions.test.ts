import { applyConfigParts, configVersions, getConfigPart, rewriteConfigPart } from '../../src/main/store/config-versions';
import { openTestStore, tempDataDir } from '../support/store-fixtures';

const AT = '2026-12-01T08:00:00.000Z';
const staff = [{ username: 'li', hash: 'scrypt$secret-hash' }];

describe('config parts in the store: newer versions only, the staff list sealed at rest', () => {
  it('applies a part only when its version is newer, and lists the versions held', () => {
    const store = openTestStore(tempDataDir());
    expect(configVersions(store.db)).toStrictEqual({});
    expect(applyConfigParts(store.db, [{ part: 'site', version: 3, body: { retentionDays: 7 } }, { part: 'announcements', version: 1, body: [] }], AT)).toStrictEqual([
      { part: 'site', version: 3 },
      { part: 'announcements', version: 1 },
    ]);
    // The same version again and an older one change nothing; a newer one replaces the body and the time.
    expect(applyConfigParts(store.db, [{ part: 'site', version: 3, body: { retentionDays: 1 } }, { part: 'site', version: 2, body: { retentionDays: 2 } }], '2026-12-01T09:00:00.000Z')).toStrictEqual([]);
    expect(getConfigPart(store.db, 'site')).toStrictEqual({ part: 'site', version: 3, body: { retentionDays: 7 }, appliedAt: AT });
    expect(applyConfigParts(store.db, [{ part: 'site', version: 4, body: { retentionDays: 9 } }], '2026-12-01T10:00:00.000Z')).toStrictEqual([{ part: 'site', version: 4 }]);
    expect(getConfigPart(store.db, 'site')).toStrictEqual({ part: 'site', version: 4, body: { retentionDays: 9 }, appliedAt: '2026-12-01T10:00:00.000Z' });
    expect(configVersions(store.db)).toStrictEqual({ site: 4, announcements: 1 });
    expect(getConfigPart(store.db, 'catalog')).toBeNull();
    store.close();
  });

  it('seals the staff list with the data key, reads it only with the key, and refuses to store it without one', () => {
    const store = openTestStore(tempDataDir());
    expect(() => applyConfigParts(store.db, [{ part: 'staff', version: 1, body: staff }], AT)).toThrow('the config part "staff" is sealed at rest: pass the data key');
    expect(configVersions(store.db)).toStrictEqual({});
    applyConfigParts(store.db, [{ part: 'staff', version: 1, body: staff }], AT, store.key);
    const raw = (store.db.prepare("SELECT body FROM config_versions WHERE part = 'staff'").get() as { body: string }).body;
    expect(raw).not.toContain('secret-hash');
    expect(Object.keys(JSON.parse(raw) as object)).toStrictEqual(['sealed']);
    expect(getConfigPart(store.db, 'staff', store.key)).toStrictEqual({ part: 'staff', version: 1, body: staff, appliedAt: AT });
    expect(getConfigPart(store.db, 'staff')).toBeNull();
    // Another key cannot open it: absent, never the ciphertext.
    const other = openTestStore(tempDataDir());
    expect(getConfigPart(store.db, 'staff', other.key)).toBeNull();
    other.close();
    store.close();
  });

  it('reads a staff list stored in clear before sealing existed, and seals it when rewritten', () => {
    const store = openTestStore(tempDataDir());
    store.db.prepare('INSERT INTO config_versions (part, version, body, applied_at) VALUES (?, ?, ?, ?)').run('staff', 2, JSON.stringify(staff), AT);
    expect(getConfigPart(store.db, 'staff')).toStrictEqual({ part: 'staff', version: 2, body: staff, appliedAt: AT });
    // A clear body that merely has a `sealed` field of another type is read as it is.
    store.db.prepare("UPDATE config_versions SET body = ? WHERE part = 'staff'").run(JSON.stringify({ sealed: 5 }));
    expect(getConfigPart(store.db, 'staff', store.key)).toStrictEqual({ part: 'staff', version: 2, body: { sealed: 5 }, appliedAt: AT });
    rewriteConfigPart(store.db, 'staff', staff, store.key);
    expect((store.db.prepare("SELECT body FROM config_versions WHERE part = 'staff'").get() as { body: string }).body).not.toContain('secret-hash');
    expect(getConfigPart(store.db, 'staff', store.key)).toStrictEqual({ part: 'staff', version: 2, body: staff, appliedAt: AT });
    // A clear null is read as null, not taken apart as a sealed body.
    store.db.prepare("UPDATE config_versions SET body = 'null' WHERE part = 'staff'").run();
    expect(getConfigPart(store.db, 'staff', store.key)).toStrictEqual({ part: 'staff', version: 2, body: null, appliedAt: AT });
    // The seal is bound to the context config:staff: a body sealed so is read, one sealed under another context is not.
    const sealedAs = (context: string) => JSON.stringify({ sealed: store.key.sealJson(staff, context).toString('base64') });
    store.db.prepare("UPDATE config_versions SET body = ? WHERE part = 'staff'").run(sealedAs('config:staff'));
    expect(getConfigPart(store.db, 'staff', store.key)?.body).toStrictEqual(staff);
    store.db.prepare("UPDATE config_versions SET body = ? WHERE part = 'staff'").run(sealedAs(''));
    expect(getConfigPart(store.db, 'staff', store.key)).toBeNull();
    // A part that is not sealed keeps a `sealed` field as data.
    applyConfigParts(store.db, [{ part: 'site', version: 1, body: { sealed: 'x' } }], AT);
    expect(getConfigPart(store.db, 'site')).toStrictEqual({ part: 'site', version: 1, body: { sealed: 'x' }, appliedAt: AT });
    store.close();
  });
});
