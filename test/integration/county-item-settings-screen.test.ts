/**
 * @jest-environment jsdom
 */
import { TextEncoder, TextDecoder } from 'node:util';
Object.assign(globalThis, { TextEncoder, TextDecoder, IS_REACT_ACT_ENVIRONMENT: true });

import { act, createElement, type Context, type FunctionComponent, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import i18next from 'i18next';
import { createMemoryLogger } from '../../src/main/logging/logger';
import { CatalogService } from '../../src/main/services/catalog';
import { defaultCatalogInput } from '../../src/shared/catalog/default-catalog';
import { DEFAULT_COUNTY_SETTINGS, type CountySettings } from '../../src/shared/catalog/county-settings';
import { CatalogSchema, type CatalogItem } from '../../src/shared/catalog/schema';
import type { KioskClient } from '../../src/shared/contract/client';
import type { SiteInfo } from '../../src/shared/contract/methods/system';
import { setupI18n } from '../../src/renderer/i18n/setup';

// The components are .tsx, which the Node-side type-check (no JSX) does not compile: load them at run time (swc does).
const { KioskContext } = require('../../src/renderer/app/kiosk-context') as { KioskContext: Context<{ client: KioskClient; site: SiteInfo } | null> };
const { CatalogProvider } = require('../../src/renderer/catalog/catalog-context') as { CatalogProvider: FunctionComponent<{ children: ReactNode }> };
const { CountySettingsNote } = require('../../src/renderer/catalog/CountySettingsNote') as { CountySettingsNote: FunctionComponent<{ item: CatalogItem }> };

/**
 * A promised time limit (承诺时限) and a legal basis list are the county's, each with the day it set it: a county
 * catalogue that changes JOB-05's time limit reaches the text the kiosk's item screen shows, "as set by the county on
 * DATE", in both languages, while the items the county left alone say they show the shipped text.
 */
describe("an item's time limit and legal basis as set by the county, on the kiosk's screen", () => {
  const settings: CountySettings = {
    ...DEFAULT_COUNTY_SETTINGS,
    timeLimits: { 'JOB-05': { value: { 'zh-CN': '3 个工作日内办结', en: 'Done within 3 working days' }, setOn: '2026-12-03' } },
    legalBasis: { 'JOB-05': { value: [{ 'zh-CN': '《失业保险条例》', en: 'Regulations on Unemployment Insurance' }], setOn: '2026-12-04' } },
  };
  const county = CatalogSchema.parse({ ...defaultCatalogInput(), version: 9, publishedAt: '2026-12-04T09:00:00+08:00', settings });
  const service = new CatalogService({ level: 'village', log: createMemoryLogger().logger, stored: { read: () => ({ version: 9, body: county }) } });
  let root: Root;
  let container: HTMLElement;

  beforeAll(async () => {
    await setupI18n('zh-CN');
  });
  afterEach(() => {
    act(() => root.unmount());
    container.remove();
  });

  /** The note under the item's guide, on a kiosk whose core answers the catalogue as the core's service lists it. */
  async function show(code: string): Promise<Record<string, string>> {
    const client = {
      invoke: (method: string) => (method === 'catalog.list' ? Promise.resolve(service.list()) : new Promise(() => undefined)),
      on: () => () => undefined,
    } as unknown as KioskClient;
    const site = { station: 'kiosk', simulated: false } as unknown as SiteInfo;
    container = document.createElement('div');
    document.body.append(container);
    root = createRoot(container);
    await act(async () => {
      root.render(createElement(KioskContext.Provider, { value: { client, site } }, createElement(CatalogProvider, null, createElement(CountySettingsNote, { item: service.get(code) }))));
    });
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
    return Object.fromEntries([...container.querySelectorAll('[data-setting]')].map((li) => [li.getAttribute('data-setting')!, li.textContent ?? '']));
  }

  it('shows the county time limit and basis of the item it changed, each with its own date', async () => {
    await i18next.changeLanguage('zh-CN');
    const zh = await show('JOB-05');
    expect(zh.timeLimit).toBe('承诺办理时限：3 个工作日内办结（县里 2026-12-03 设定）');
    expect(zh.legalBasis).toBe('政策依据：《失业保险条例》（县里 2026-12-04 设定）');
    // The guide the item screen and the receipt print read is the county's too.
    expect(service.get('JOB-05').guide.timeLimit['zh-CN']).toBe('3 个工作日内办结');
    expect(service.get('JOB-05').settingsRead).toEqual(['timeLimit', 'legalBasis']);
  });

  it('says the same in English', async () => {
    await i18next.changeLanguage('en');
    const en = await show('JOB-05');
    expect(en.timeLimit).toBe('Promised time limit: Done within 3 working days (as set by the county on 2026-12-03)');
    expect(en.legalBasis).toBe('Legal basis: Regulations on Unemployment Insurance (as set by the county on 2026-12-04)');
  });

  it('shows an item the county left alone with its shipped time limit, marked as shipped', async () => {
    await i18next.changeLanguage('zh-CN');
    const shipped = await show('CARD-02');
    expect(shipped.timeLimit).toContain('临时挂失 15 天后自动解除');
    expect(shipped.timeLimit).toContain('（机器出厂时的说法，以县里公布的为准）');
    expect(shipped.cardBlockDays).toBe('临时挂失自动解除的天数：15 天（机器出厂时的数字，以县里公布的为准）');
  });

  it('refuses a county time limit for an item the catalogue does not have, or naming an unknown number', () => {
    const stray = { ...settings, timeLimits: { 'JOB-99': settings.timeLimits['JOB-05']! } };
    expect(CatalogSchema.safeParse({ ...defaultCatalogInput(), settings: stray }).success).toBe(false);
    const unknown = { ...settings, timeLimits: { 'JOB-05': { value: { 'zh-CN': '{{weeks}} 周', en: '{{weeks}} weeks' }, setOn: '2026-12-03' } } };
    expect(CatalogSchema.safeParse({ ...defaultCatalogInput(), settings: unknown }).success).toBe(false);
  });
});
