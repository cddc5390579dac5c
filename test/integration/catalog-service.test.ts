import path from 'node:path';
import { demoSiteConfig } from '../../src/main/config/load-site-config';
import { EventBus } from '../../src/main/event-bus';
import { createMemoryLogger } from '../../src/main/logging/logger';
import { CatalogService } from '../../src/main/services/catalog';
import { openDatabase, type Db } from '../../src/main/store/database';
import { applyConfigParts, getConfigPart } from '../../src/main/store/config-versions';
import { defaultCatalogInput } from '../../src/shared/catalog/default-catalog';
import { CatalogSchema } from '../../src/shared/catalog/schema';
import type { KioskCore } from '../../src/main/core';
import type { KioskErrorPayload, MethodName, MethodResult } from '../../src/shared/contract';
import { startTestCore, tempDir } from '../support/core-harness';

type Outcome<M extends MethodName> = { result: MethodResult<M>; error: KioskErrorPayload };

/** One call as a screen makes it; a test reads whichever side it expects (the other is undefined). */
async function call<M extends MethodName>(core: KioskCore, method: M, params: unknown): Promise<Outcome<M>> {
  return (await core.dispatcher.dispatch(core.newConnection('internal'), method, params)) as Outcome<M>;
}

describe('catalog methods through the core', () => {
  let core: KioskCore;
  beforeAll(async () => {
    ({ core } = await startTestCore());
  });
  afterAll(async () => core.close());

  it('lists the 40 village items at a village point, whole, with their readiness inputs', async () => {
    expect(demoSiteConfig().site.level).toBe('village');
    const { result } = await call(core, 'catalog.list', {});
    expect(result.source).toBe('default');
    expect(result.version).toBe(1);
    expect(result.items).toHaveLength(40);
    const card03 = result.items.find((item) => item.code === 'CARD-03')!;
    expect(card03.requiresDevices).toEqual(['socialSecurityCardReader', 'receiptPrinter', 'faceCamera']);
    expect(card03.needsCountyOnline).toBe(true);
    expect(result.items.every((item) => item.siteLevel === 'village')).toBe(true);
  });

  it('gets one item, and says not_found for an item this point does not offer', async () => {
    const { result } = await call(core, 'catalog.get', { code: 'INS-11' });
    expect(result.identity.faceCheck).toBe(true);
    expect(result.form.length).toBeGreaterThan(0);
    expect((await call(core, 'catalog.get', { code: 'DEMO-01' })).error.code).toBe('not_found');
    expect((await call(core, 'catalog.get', { code: 'drop table' })).error.code).toBe('invalid_params');
  });

  it('finds items by pinyin initials, Chinese keyword, English name and code', async () => {
    const codes = async (query: string) =>
      (await call(core, 'catalog.search', { query })).result.results.map((hit) => hit.code);
    expect(await codes('sbk')).toEqual(['CARD-01', 'CARD-02', 'CARD-03']);
    expect(await codes('社保卡')).toEqual(['CARD-01', 'CARD-02', 'CARD-03']);
    expect(await codes('ylj')).toEqual(expect.arrayContaining(['INS-03', 'INS-04', 'INS-07', 'INS-11']));
    expect(await codes('ylj')).not.toContain('DEMO-02'); // a village point does not offer it
    expect((await codes('job-01'))[0]).toBe('JOB-01');
    expect(await codes('unemployment')).toEqual(expect.arrayContaining(['JOB-05', 'JOB-10', 'JOB-11']));
    expect(await codes('shiyejin')).toEqual(['JOB-10', 'JOB-11']);
    expect(await codes('   ')).toEqual([]);
    expect(await codes('qqqqzzzz')).toEqual([]);
  });
});

describe('the catalogue in force', () => {
  let db: Db;
  const { logger, lines } = createMemoryLogger();
  const events = new EventBus(logger);
  beforeEach(() => {
    db = openDatabase(path.join(tempDir('kiosk-catalog-'), 'kiosk.sqlite'));
  });
  afterEach(() => db.close());
  const stored = () => ({
    read: () => {
      const part = getConfigPart(db, 'catalog');
      return part ? { version: part.version, body: part.body } : null;
    },
  });

  it('offers all 44 items at the demonstration point', () => {
    const service = new CatalogService({ level: 'demonstration', log: logger, stored: stored(), events });
    expect(service.list().items).toHaveLength(44);
    expect(service.get('DEMO-02').type).toBe('certify');
    service.close();
  });

  it("switches to the county's newer catalogue when config.changed says so", () => {
    const service = new CatalogService({ level: 'village', log: logger, stored: stored(), events });
    expect(service.list().source).toBe('default');
    const county = defaultCatalogInput();
    county.version = 7;
    county.items = county.items.filter((item) => item.code !== 'JOB-03');
    county.items[0] = { ...county.items[0]!, name: { 'zh-CN': '求职登记（新版）', en: 'Job-seeker registration (new)' } };
    applyConfigParts(db, [{ part: 'catalog', version: 7, body: county }], new Date().toISOString());
    // Cached until the event: a screen never sees half a switch.
    expect(service.list().version).toBe(1);
    events.emit('config.changed', { part: 'catalog', version: 7 });
    const listing = service.list();
    expect([listing.source, listing.version, listing.items.length]).toEqual(['county', 7, 39]);
    expect(service.get('JOB-01').name['zh-CN']).toBe('求职登记（新版）');
    expect(() => service.get('JOB-03')).toThrow(expect.objectContaining({ code: 'not_found' }));
    expect(service.search('qzdj', 5).results[0]!.code).toBe('JOB-01');
    service.close();
  });

  it('refuses to start with a shipped catalogue that fails its own schema', () => {
    const broken = () => {
      const input = defaultCatalogInput();
      return CatalogSchema.parse({ ...input, items: [...input.items, input.items[0]] });
    };
    expect(() => new CatalogService({ level: 'village', log: logger, shipped: broken })).toThrow(/duplicate item code JOB-01/);
  });

  it('keeps the shipped catalogue when the stored one is broken, and says so in the log', () => {
    applyConfigParts(db, [{ part: 'catalog', version: 9, body: { version: 9, items: [{ code: 'JOB-01' }] } }], new Date().toISOString());
    const service = new CatalogService({ level: 'village', log: logger, stored: stored(), events });
    expect(service.list().source).toBe('default');
    expect(service.list().items).toHaveLength(40);
    expect(lines().some((line) => line.includes('stored catalogue fails the schema'))).toBe(true);
    service.close();
  });
});
