import type { CountyDatabase } from '../../src/county/db/connection';
import { takeIncoming } from '../../src/county/db/upsert';
import { closeTestCountyDatabase, countyTestEngine, openTestCountyDatabase } from '../support/county-database';

/**
 * `ON CONFLICT … DO UPDATE SET` with takeIncoming (db/upsert.ts) on the test engine: the columns named take the
 * refused row's values, every other column of the stored row stays, and a row without a conflict is stored whole.
 */
describe(`taking the incoming columns on a conflict (${countyTestEngine})`, () => {
  let county: CountyDatabase;
  beforeAll(async () => {
    county = await openTestCountyDatabase('county-upsert-');
  });
  afterAll(() => closeTestCountyDatabase(county));

  const point = (kioskId: string, n: number) => ({ kiosk_id: kioskId, division_code: `14010500000${n}`, township: `T${n}`, name_zh: `村${n}`, name_en: `Point ${n}`, level: 'village' });
  const upsert = (rows: Array<ReturnType<typeof point>>) =>
    county.query
      .insertInto('points')
      .values(rows)
      .onConflict((c) => c.column('kiosk_id').doUpdateSet(takeIncoming('points', 'name_zh', 'name_en')))
      .execute();

  it('updates only the named columns of the stored row and stores a new row whole', async () => {
    await upsert([point('k-1', 1)]);
    await upsert([point('k-1', 2), point('k-3', 3)]);
    expect(await county.query.selectFrom('points').selectAll().orderBy('kiosk_id').execute()).toEqual([
      { kiosk_id: 'k-1', division_code: '140105000001', township: 'T1', name_zh: '村2', name_en: 'Point 2', level: 'village' },
      { kiosk_id: 'k-3', division_code: '140105000003', township: 'T3', name_zh: '村3', name_en: 'Point 3', level: 'village' },
    ]);
  });

  it('names exactly the columns asked for', () => {
    expect(Object.keys(takeIncoming('points', 'name_en', 'level'))).toEqual(['name_en', 'level']);
    expect(takeIncoming('points')).toEqual({});
  });
});
