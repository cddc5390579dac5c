import { advanceCounter, advanceOutcomeCursor, currentConfigVersion, currentCounter, nextConfigVersion, nextCounter } from '../../src/county/db/counters';
import type { CountyDatabase } from '../../src/county/db/connection';
import { closeTestCountyDatabase, countyTestEngine, openTestCountyDatabase } from '../support/county-database';

/**
 * The county's named counters (db/counters.ts: config versions, outcome cursors) called directly on the test engine:
 * each name counts on its own from 1, a batch takes several numbers at once, and reading one changes nothing.
 */
describe(`the county's counters (${countyTestEngine})`, () => {
  let county: CountyDatabase;
  beforeAll(async () => {
    county = await openTestCountyDatabase('county-counters-');
  });
  afterAll(() => closeTestCountyDatabase(county));

  it('counts each name on its own from 1, several at once when asked, and reads without counting', async () => {
    const q = county.query;
    expect(await currentCounter(q, 'test-a')).toBe(0);
    expect([await nextCounter(q, 'test-a'), await nextCounter(q, 'test-a')]).toEqual([1, 2]);
    expect(await advanceCounter(q, 'test-a', 5)).toBe(7);
    expect(await advanceCounter(q, 'test-b', 3)).toBe(3);
    expect([await currentCounter(q, 'test-a'), await currentCounter(q, 'test-a'), await currentCounter(q, 'test-b')]).toEqual([7, 7, 3]);
  });

  it("keeps the county's config version under the name 'config'", async () => {
    const q = county.query;
    const before = await currentConfigVersion(q);
    expect(await currentCounter(q, 'config')).toBe(before);
    const next = await nextConfigVersion(q);
    expect(next).toBe(before + 1);
    expect([await currentConfigVersion(q), await currentCounter(q, 'config')]).toEqual([next, next]);
  });
  it("gives each kiosk its own outcome cursors, a kiosk's first starting above the county-wide counter of before", async () => {
    const q = county.query;
    await advanceCounter(q, 'outcomes', 40);
    expect(await advanceOutcomeCursor(q, 'kiosk-east', 3)).toBe(43);
    expect(await advanceOutcomeCursor(q, 'kiosk-east', 2)).toBe(45);
    expect(await advanceOutcomeCursor(q, 'kiosk-hill', 1)).toBe(41);
    expect([await currentCounter(q, 'outcomes:kiosk-east'), await currentCounter(q, 'outcomes:kiosk-hill'), await currentCounter(q, 'outcomes')]).toEqual([45, 41, 40]);
  });
});
