import { countyResponseTimes, publishedResponseTimes } from '../../src/county/console/fault-response';
import { publishConfigPart } from '../../src/county/county-state';
import type { CountyDatabase } from '../../src/county/db/connection';
import { DEFAULT_RESPONSE_MINUTES, type ResponseMinutes } from '../../src/shared/faults/escalation';
import { closeTestCountyDatabase, openTestCountyDatabase } from '../support/county-database';

/**
 * The response times the county climbs tickets by (fault-response.ts) called directly on the county database: the
 * defaults until the county publishes its own, the county's for every point, a point's own on top for its kiosk, each
 * kiosk's looked up once within one pass (a publication during a pass is seen by the next). fault-response-times.test.ts
 * covers the same through a started county, a kiosk and its config round.
 */
const COUNTY_TIMES: ResponseMinutes = { point: 30, township: 50, county: 480, vendor: 2880 };
const EAST_TIMES: ResponseMinutes = { point: 10, township: 20, county: 40, vendor: 80 };

describe('the fault response times on the county database', () => {
  let county: CountyDatabase;
  const pointTimes = (kioskId: string, times: ResponseMinutes | undefined) =>
    county.query
      .insertInto('point_site_settings')
      .values({ kiosk_id: kioskId, body: JSON.stringify(times ? { faultResponseMinutes: times } : { onDuty: '李秀英' }) })
      .onConflict((c) => c.column('kiosk_id').doUpdateSet({ body: JSON.stringify(times ? { faultResponseMinutes: times } : { onDuty: '李秀英' }) }))
      .execute();

  beforeAll(async () => {
    county = await openTestCountyDatabase('fault-response-');
  });
  afterAll(() => closeTestCountyDatabase(county));

  it('climbs by the shared defaults until the county publishes its times, and when its site settings name none', async () => {
    expect(await countyResponseTimes(county.query)).toEqual(DEFAULT_RESPONSE_MINUTES);
    expect(await publishedResponseTimes(county.query)('kiosk-east')).toEqual(DEFAULT_RESPONSE_MINUTES);
    await publishConfigPart(county.query, 'site', { onDuty: '李秀英' });
    expect(await countyResponseTimes(county.query)).toEqual(DEFAULT_RESPONSE_MINUTES);
    expect(await publishedResponseTimes(county.query)('kiosk-east')).toEqual(DEFAULT_RESPONSE_MINUTES);
  });

  it("climbs every point by the county's times, and a point with its own by those", async () => {
    await publishConfigPart(county.query, 'site', { onDuty: '李秀英', faultResponseMinutes: COUNTY_TIMES });
    await pointTimes('kiosk-east', EAST_TIMES);
    await pointTimes('kiosk-hill', undefined);
    expect(await countyResponseTimes(county.query)).toEqual(COUNTY_TIMES);
    const pass = publishedResponseTimes(county.query);
    expect(await pass('kiosk-east')).toEqual(EAST_TIMES);
    expect(await pass('kiosk-hill')).toEqual(COUNTY_TIMES);
    expect(await pass('kiosk-none')).toEqual(COUNTY_TIMES);
  });

  it('looks up each kiosk once within a pass: times published during it are seen by the next pass', async () => {
    const pass = publishedResponseTimes(county.query);
    expect(await pass('kiosk-east')).toEqual(EAST_TIMES);
    expect(await pass('kiosk-hill')).toEqual(COUNTY_TIMES);
    const changed: ResponseMinutes = { point: 5, township: 6, county: 7, vendor: 8 };
    await pointTimes('kiosk-east', changed);
    await pointTimes('kiosk-hill', changed);
    expect(await pass('kiosk-east')).toEqual(EAST_TIMES);
    expect(await pass('kiosk-hill')).toEqual(COUNTY_TIMES);
    const next = publishedResponseTimes(county.query);
    expect(await next('kiosk-east')).toEqual(changed);
    expect(await next('kiosk-hill')).toEqual(changed);
    expect(await countyResponseTimes(county.query)).toEqual(COUNTY_TIMES);
  });
});
