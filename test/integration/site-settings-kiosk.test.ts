import { DEMO_SITE_CONFIG } from '../../src/main/config/load-site-config';
import type { KioskCore } from '../../src/main/core';
import type { Connection } from '../../src/main/dispatcher';
import { DEMO_POINTS } from '../../src/county/console/console-demo-seed';
import type { CountyServer } from '../../src/county/server';
import type { Publication } from '../../src/shared/console/api';
import type { CommissioningStep } from '../../src/shared/commissioning/site-record';
import { signIn, startConsoleCounty, startPointKiosk, type ConsoleClient } from '../support/console-fixtures';

jest.setTimeout(90_000);

/**
 * A point's office hours, phone and duty person set in the console reach the kiosk on its next config round, and
 * every part of the kiosk that shows or uses them reads the county's (site.info for the attract screen and lookups,
 * the commissioning check, the help call's contact, the printed hotline); a rollback brings the local file's back.
 */
describe('site settings from the console to the kiosk', () => {
  let county: CountyServer;
  let core: KioskCore;
  let technician: Connection;
  let township: ConsoleClient;
  const point = DEMO_POINTS.find((p) => p.kioskId === 'demo-kiosk-2')!;
  const local = DEMO_SITE_CONFIG.site.officeHours;

  const call = async <T>(c: Connection, method: string, params: unknown = {}): Promise<T> => {
    const outcome = await core.dispatcher.dispatch(c, method, params);
    if ('error' in outcome) throw Object.assign(new Error(`${method}: ${JSON.stringify(outcome.error)}`), { code: outcome.error.code });
    return outcome.result as T;
  };
  const sync = async () => {
    for (let i = 0; i < 3; i++) if ((await call<{ ok: boolean }>(technician, 'sync.now')).ok) return;
    throw new Error('sync failed');
  };
  const siteInfo = () => call<{ officeHours: unknown; consultationPhone: string; onDuty?: string }>(core.newConnection('internal'), 'site.info');
  // The hours the commissioning check found (data in its finding), written as days open-close for comparison.
  const hoursCheck = async () => {
    const finding = (await call<{ steps: CommissioningStep[] }>(technician, 'commissioning.check')).steps.find((s) => s.id === 'officeHours')!.finding;
    return finding?.key === 'officeHours' ? finding.hours.map((h) => `${h.days.join(',')} ${h.open}-${h.close}`).join('; ') : undefined;
  };

  beforeAll(async () => {
    county = await startConsoleCounty();
    ({ core, technician: technician } = await startPointKiosk(county, point, 'site-settings'));
    township = await signIn(county, 'tuwo');
    await sync();
  });
  afterAll(async () => {
    await core?.close();
    await county?.close();
  });

  it("shows the local file's hours until the county sets the point's own, then the county's everywhere", async () => {
    expect((await siteInfo()).officeHours).toEqual(local);
    expect(await hoursCheck()).toBe('1,2,3,4,5 08:30-12:00; 1,2,3,4,5 14:30-17:30');

    const hours = [
      { days: [2, 4], open: '09:00', close: '11:30' },
      { days: [6], open: '08:00', close: '10:00' },
    ];
    const put = await township.call('PUT', `/console/api/publishing/site/${point.kioskId}`, { onDuty: '钱晓燕', consultationPhone: '0351-7000001', officeHours: hours });
    expect(put.status).toBe(200);
    // Nothing changes before the kiosk's config round.
    expect((await siteInfo()).officeHours).toEqual(local);
    await sync();

    expect(await siteInfo()).toMatchObject({ officeHours: hours, consultationPhone: '0351-7000001', onDuty: '钱晓燕' });
    expect(await hoursCheck()).toBe('2,4 09:00-11:30; 6 08:00-10:00');
    const state = (await township.call('GET', '/console/api/publishing/site')).body.points as Array<{ point: { kioskId: string }; effective: { officeHours?: unknown }; history: Publication[] }>;
    expect(state.find((p) => p.point.kioskId === point.kioskId)!.effective.officeHours).toEqual(hours);
  });

  it('refuses hours that cannot be, with the field named, and the kiosk keeps what it has', async () => {
    const bad = await township.call('PUT', `/console/api/publishing/site/${point.kioskId}`, { officeHours: [{ days: [1], open: '17:00', close: '08:00' }] });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ error: 'invalid_body', field: 'officeHours.0.close' });
    const noDays = await township.call('PUT', `/console/api/publishing/site/${point.kioskId}`, { officeHours: [{ days: [], open: '08:00', close: '12:00' }] });
    expect(noDays.body).toMatchObject({ error: 'invalid_body', field: 'officeHours.0.days' });
    await sync();
    expect((await siteInfo()).officeHours).toEqual([
      { days: [2, 4], open: '09:00', close: '11:30' },
      { days: [6], open: '08:00', close: '10:00' },
    ]);
  });

  it("rolls back to the point's first version in one action, and the kiosk reads its own file's hours again", async () => {
    const state = (await township.call('GET', '/console/api/publishing/site')).body.points as Array<{ point: { kioskId: string }; history: Publication[] }>;
    const baseline = state.find((p) => p.point.kioskId === point.kioskId)!.history.at(-1)!;
    expect((await township.call('POST', `/console/api/publishing/site/${point.kioskId}/rollback`, { seq: baseline.seq })).status).toBe(200);
    await sync();
    expect((await siteInfo()).officeHours).toEqual(local);
    expect(await hoursCheck()).toBe('1,2,3,4,5 08:30-12:00; 1,2,3,4,5 14:30-17:30');
  });
});
