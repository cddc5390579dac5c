import { cachedListing, newestListings, paramsKey, saveListing } from '../../src/main/store/listing-cache';
import type { QueryResponse } from '../../src/shared/sync/protocol';
import { openTestStore, tempDataDir } from '../support/store-fixtures';

const answer = (itemCode: string, fetchedAt: string, employer: string): QueryResponse => ({ itemCode, fetchedAt, rows: [{ employer }] });

describe('the listing cache in the store: one answer per item and filter, shown while young enough', () => {
  it('keys the parameters in name order, with their values and types', () => {
    expect(paramsKey({ industry: 'logistics', area: 'province' })).toBe('[["area","province"],["industry","logistics"]]');
    expect(paramsKey({ area: 'province', industry: 'logistics' })).toBe(paramsKey({ industry: 'logistics', area: 'province' }));
    expect(paramsKey({ page: 1 })).not.toBe(paramsKey({ page: '1' }));
    expect(paramsKey({ b: true, a: 2 })).toBe('[["a",2],["b",true]]');
    expect(paramsKey({})).toBe('[]');
  });

  it('gives back exactly the answer kept for those parameters until it is older than maxHours, and replaces it with a newer one', () => {
    const store = openTestStore(tempDataDir());
    const fetchedAt = '2026-12-01T08:00:00.000Z';
    const first = answer('JOB-02', fetchedAt, '晋中物流园');
    saveListing(store.db, 'JOB-02', { area: 'county', industry: 'all' }, first);
    const at = (iso: string) => new Date(iso);
    // Any order of the same filter finds it; another filter or item does not.
    expect(cachedListing(store.db, 'JOB-02', { industry: 'all', area: 'county' }, 24, at('2026-12-01T09:00:00Z'))).toStrictEqual(first);
    expect(cachedListing(store.db, 'JOB-02', { area: 'province', industry: 'all' }, 24, at('2026-12-01T09:00:00Z'))).toBeNull();
    expect(cachedListing(store.db, 'JOB-03', { area: 'county', industry: 'all' }, 24, at('2026-12-01T09:00:00Z'))).toBeNull();
    // Exactly maxHours old is still shown; a millisecond more is not.
    expect(cachedListing(store.db, 'JOB-02', { area: 'county', industry: 'all' }, 24, at('2026-12-02T08:00:00.000Z'))).toStrictEqual(first);
    expect(cachedListing(store.db, 'JOB-02', { area: 'county', industry: 'all' }, 24, at('2026-12-02T08:00:00.001Z'))).toBeNull();
    expect(cachedListing(store.db, 'JOB-02', { area: 'county', industry: 'all' }, 0.5, at('2026-12-01T08:30:00.001Z'))).toBeNull();

    const second = answer('JOB-02', '2026-12-03T08:00:00.000Z', '榆次纺织厂');
    saveListing(store.db, 'JOB-02', { industry: 'all', area: 'county' }, second);
    expect(cachedListing(store.db, 'JOB-02', { area: 'county', industry: 'all' }, 24, at('2026-12-03T09:00:00Z'))).toStrictEqual(second);
    expect(store.db.prepare('SELECT item_code, params_key, fetched_at FROM listing_cache').all()).toStrictEqual([
      { item_code: 'JOB-02', params_key: '[["area","county"],["industry","all"]]', fetched_at: '2026-12-03T08:00:00.000Z' },
    ]);
    store.close();
  });

  it('shows nothing for a kept body that no longer reads as an answer', () => {
    const store = openTestStore(tempDataDir());
    saveListing(store.db, 'JOB-02', {}, answer('JOB-02', '2026-12-01T08:00:00.000Z', 'x'));
    store.db.prepare('UPDATE listing_cache SET body = ?').run(JSON.stringify({ itemCode: 'JOB-02', fetchedAt: '2026-12-01T08:00:00.000Z' }));
    expect(cachedListing(store.db, 'JOB-02', {}, 24, new Date('2026-12-01T09:00:00Z'))).toBeNull();
    store.close();
  });

  it('lists the newest copy of each listing, one row per item', () => {
    const store = openTestStore(tempDataDir());
    expect(newestListings(store.db)).toStrictEqual([]);
    saveListing(store.db, 'JOB-02', { area: 'county' }, answer('JOB-02', '2026-12-01T08:00:00.000Z', 'a'));
    saveListing(store.db, 'JOB-02', { area: 'province' }, answer('JOB-02', '2026-12-02T08:00:00.000Z', 'b'));
    saveListing(store.db, 'JOB-02', { area: 'city' }, answer('JOB-02', '2026-11-30T08:00:00.000Z', 'c'));
    saveListing(store.db, 'TRN-01', {}, answer('TRN-01', '2026-11-29T08:00:00.000Z', 'd'));
    expect(newestListings(store.db).sort((a, b) => a.itemCode.localeCompare(b.itemCode))).toStrictEqual([
      { itemCode: 'JOB-02', fetchedAt: '2026-12-02T08:00:00.000Z' },
      { itemCode: 'TRN-01', fetchedAt: '2026-11-29T08:00:00.000Z' },
    ]);
    store.close();
  });
});
