import { DEMO_POINTS } from '../../src/county/console/console-demo-seed';
import type { CountyServer } from '../../src/county/server';
import { defaultCatalog } from '../../src/shared/catalog/default-catalog';
import type { CaseRow } from '../../src/shared/console/api';
import { SAMPLE_RESIDENTS } from '../../src/shared/samples/residents';
import { HttpCountyClient } from '../../src/main/sync/http-county-client';
import { signIn, startConsoleCounty } from '../support/console-fixtures';
import { batchItem } from '../support/county-items';

/** Cases waiting at the county's clerk desk, in the console: scope, masking, the audited opening, outcomes to the kiosk. */
describe('console cases', () => {
  let county: CountyServer;
  const resident = SAMPLE_RESIDENTS[0]!;
  beforeAll(async () => {
    county = await startConsoleCounty({ catalog: defaultCatalog() });
  });
  afterAll(() => county.close());
  const kiosk = () => new HttpCountyClient({ baseUrl: county.url, kioskId: 'demo-kiosk-2', secret: DEMO_POINTS.find((p) => p.kioskId === 'demo-kiosk-2')!.secret });

  it('a township takes a case and returns it with what is missing; the kiosk receives the outcome', async () => {
    const item = batchItem(resident, 'JOB-08', { form: {} });
    expect((await kiosk().sendBatch([item])).results[0]!.status).toBe('accepted');
    await county.relay.tick();

    const tuwo = await signIn(county, 'tuwo');
    const cases = (await tuwo.call('GET', '/console/api/cases')).body.cases as CaseRow[];
    const mine = cases.find((c) => c.applicationId === item.id)!;
    expect(mine).toMatchObject({ state: 'waiting', itemCode: 'JOB-08', point: { kioskId: 'demo-kiosk-2' } });
    expect(JSON.stringify(cases)).not.toContain(resident.name);
    expect(JSON.stringify(cases)).not.toContain(resident.idNumber);
    // The township may look, but the resident stays masked for it.
    expect((await tuwo.call('GET', `/console/api/cases/${item.id}`)).body).toMatchObject({ resident: null });

    expect((await tuwo.call('POST', `/console/api/cases/${item.id}`, { action: 'finish' })).body).toEqual({ error: 'conflict' });
    expect((await tuwo.call('POST', `/console/api/cases/${item.id}`, { action: 'take' })).body).toMatchObject({ state: 'taken', clerkId: 'township-tuwo' });
    const returned = await tuwo.call('POST', `/console/api/cases/${item.id}`, { action: 'return', materials: ['disabilityCertificate'], note: '证件需在有效期内。', noteEn: 'It must be in date.' });
    expect(returned.body).toMatchObject({ state: 'returned' });
    const outcome = (await kiosk().pullOutcomes(0)).outcomes.find((o) => o.itemId === item.id)!;
    expect(outcome).toMatchObject({ state: 'returned', missing: { materials: ['disabilityCertificate'] } });
    expect(outcome.missing!.text.en).toContain('It must be in date.');
    const trail = await county.query.selectFrom('audit_log').select(['actor_id', 'action']).where('target', '=', item.id).orderBy('seq').execute();
    expect(trail).toEqual([
      { actor_id: 'township-tuwo', action: 'case.take' },
      { actor_id: 'township-tuwo', action: 'case.return' },
    ]);
  });

  it('another township neither sees nor acts on the case; a county admin opening it sees the resident, and that is audited', async () => {
    const item = batchItem(resident, 'JOB-08', { form: {} });
    await kiosk().sendBatch([item]);
    await county.relay.tick();
    const beige = await signIn(county, 'beige');
    expect(((await beige.call('GET', '/console/api/cases')).body.cases as CaseRow[]).some((c) => c.applicationId === item.id)).toBe(false);
    expect((await beige.call('GET', `/console/api/cases/${item.id}`)).body).toEqual({ error: 'not_found' });
    expect((await beige.call('POST', `/console/api/cases/${item.id}`, { action: 'take' })).body).toEqual({ error: 'not_found' });

    const admin = await signIn(county, 'county');
    expect((await admin.call('GET', `/console/api/cases/${item.id}`)).body).toMatchObject({ resident: { name: resident.name, idNumber: resident.idNumber } });
    expect(await county.query.selectFrom('audit_log').select('actor_id').where('action', '=', 'case.open').where('target', '=', item.id).execute()).toEqual([{ actor_id: 'county-admin' }]);
    await admin.call('POST', `/console/api/cases/${item.id}`, { action: 'take' });
    expect((await admin.call('POST', `/console/api/cases/${item.id}`, { action: 'refuse', reason: '不符合申领条件。', reasonEn: 'Not eligible.' })).body).toMatchObject({ state: 'refused' });
    expect((await kiosk().pullOutcomes(0)).outcomes.find((o) => o.itemId === item.id)).toMatchObject({ state: 'refused', reason: { 'zh-CN': '不符合申领条件。', en: 'Not eligible.' } });
  });

  it('names the materials a case asks for in words, for the points in scope only', async () => {
    const item = batchItem(resident, 'JOB-08', { form: {} });
    await kiosk().sendBatch([item]);
    await county.relay.tick();
    const tuwo = await signIn(county, 'tuwo');
    const asked = (await tuwo.call('GET', `/console/api/cases/${item.id}/materials`)).body as { materials: Array<{ code: string; name: { 'zh-CN': string; en: string } }> };
    expect(asked.materials).toContainEqual({ code: 'disabilityCertificate', name: { 'zh-CN': '残疾人证', en: 'Disability certificate' } });
    const beige = await signIn(county, 'beige');
    expect((await beige.call('GET', `/console/api/cases/${item.id}/materials`)).body).toEqual({ error: 'not_found' });
  });
});
