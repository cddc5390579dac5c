import { programmePage } from '../../src/county/console/programme';
import { milestoneRoutes } from '../../src/county/console/milestone-routes';
import { TableQuerySchema } from '../../src/shared/console/table-query';
import { startConsoleRouteHost, type ConsoleRouteHost } from '../support/console-route-host';

/**
 * PUT /console/api/programme/milestones (milestone-routes.ts) through the console's routes (console-route-host.ts:
 * the console plugin alone, sessions opened on the database): only the county admin sets the county's dates, the
 * whole list at once; a bad list changes nothing; the change is audited with the new list (cut at 2,000 characters)
 * and answered with the programme's first page.
 * console-programme.test.ts shows the dates at work.
 */
const NOW = Date.parse('2026-11-30T09:00:00.000Z');

describe('the programme dates in the console', () => {
  let county: ConsoleRouteHost;
  const stored = () => county.query.selectFrom('programme_milestones').select(['stage', 'due', 'share']).orderBy('due').orderBy('stage').orderBy('share').execute();
  const trail = () => county.query.selectFrom('audit_log').select(['at', 'actor_id', 'actor_name', 'action', 'target', 'township', 'detail']).where('action', '=', 'programme.dates').orderBy('seq').execute();
  const put = async (staffId: string, body: unknown) => (await county.as(staffId, NOW)).call('PUT', '/console/api/programme/milestones', body);

  beforeAll(async () => {
    county = await startConsoleRouteHost([milestoneRoutes], { now: () => new Date(NOW) });
  });
  afterAll(() => county.close());

  it('refuses a township account and a bad list, changing nothing', async () => {
    const seeded = await stored();
    expect(seeded.length).toBeGreaterThan(0);
    expect(await put('township-tuwo', { milestones: [{ stage: 'trained', due: '2027-01-31', share: 1 }] })).toMatchObject({ status: 403, body: { error: 'forbidden' } });
    expect(await put('county-admin', { milestones: [{ stage: 'trained', due: '2027-02-30', share: 1 }] })).toMatchObject({ status: 400, body: { error: 'invalid_body', field: 'milestones.0.due' } });
    expect(await put('county-admin', { milestones: [{ stage: 'trained', due: '2027-01-31', share: 0 }] })).toMatchObject({ status: 400, body: { error: 'invalid_body', field: 'milestones.0.share' } });
    expect(await stored()).toEqual(seeded);
    expect(await trail()).toEqual([]);
  });

  it('sets the whole list for the county admin, audits it with the new list and answers the first page of the programme', async () => {
    const milestones = [
      { stage: 'trained', due: '2027-01-31', share: 1 },
      { stage: 'commissioned', due: '2026-12-20', share: 0.5 },
    ];
    const res = await put('county-admin', { milestones });
    expect(res.status).toBe(200);
    expect(await stored()).toEqual([
      { stage: 'commissioned', due: '2026-12-20', share: 0.5 },
      { stage: 'trained', due: '2027-01-31', share: 1 },
    ]);
    expect(await trail()).toEqual([{ at: NOW, actor_id: 'county-admin', actor_name: '县人社局 管理员', action: 'programme.dates', target: null, township: null, detail: 'trained@2027-01-31=1,commissioned@2026-12-20=0.5' }]);
    const page = await programmePage(county.query, { kind: 'county' }, new Date(NOW), TableQuerySchema.parse({}));
    expect(res.body).toEqual(JSON.parse(JSON.stringify(page)));
    expect((res.body.milestones as Array<{ stage: string }>).map((m) => m.stage)).toEqual(['commissioned', 'trained']);
  });

  it('cuts the audited list at 2,000 characters', async () => {
    // Forty dates of one stage, each share a number of 23 characters: about 50 an entry, over 2,000 in all.
    const milestones = Array.from({ length: 40 }, (_, i) => ({ stage: 'agreementSigned', due: '2026-09-30', share: (Math.PI / (i + 1)) * 1e-300 }));
    const whole = milestones.map((m) => `${m.stage}@${m.due}=${m.share}`).join(',');
    expect(whole.length).toBeGreaterThan(2000);
    expect((await put('county-admin', { milestones })).status).toBe(200);
    expect((await trail()).at(-1)!.detail).toBe(whole.slice(0, 2000));
    expect(await stored()).toHaveLength(40);
  });
});
