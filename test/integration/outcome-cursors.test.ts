import type { CountyDatabase } from '../../src/county/db/connection';
import { advanceCounter, advanceOutcomeCursor } from '../../src/county/db/counters';
import { countyTestEngine, openTestCountyDatabase } from '../support/county-database';

// Outcome cursors are counted per kiosk (src/county/db/counters.ts). A county upgraded from one county-wide counter
// has kiosks holding cursors up to that counter's value: a kiosk's own counter must start above it, or the kiosk
// (asking for cursor > what it holds) would never see its next outcomes.
describe(`outcome cursors per kiosk (${countyTestEngine})`, () => {
  let county: CountyDatabase;
  beforeAll(async () => {
    county = await openTestCountyDatabase('outcome-cursors-');
  });
  afterAll(() => county.close());

  it('start above the county-wide counter they replace, then count on per kiosk', async () => {
    await advanceCounter(county.query, 'outcomes', 500);
    expect(await advanceOutcomeCursor(county.query, 'kiosk-a', 1)).toBe(501);
    expect(await advanceOutcomeCursor(county.query, 'kiosk-a', 50)).toBe(551);
    expect(await advanceOutcomeCursor(county.query, 'kiosk-b', 2)).toBe(502);
    expect(await advanceOutcomeCursor(county.query, 'kiosk-a', 0)).toBe(551);
  });

  it('start at 1 in a county that never had the county-wide counter', async () => {
    const fresh = await openTestCountyDatabase('outcome-cursors-fresh-');
    try {
      expect(await advanceOutcomeCursor(fresh.query, 'kiosk-c', 1)).toBe(1);
    } finally {
      await fresh.close();
    }
  });
});
