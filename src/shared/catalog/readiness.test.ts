import type { DeviceKind, DeviceStatus } from '../domain/devices';
import zhCatalog from '../locales/zh-CN/catalog.json';
import enCatalog from '../locales/en/catalog.json';
import { defaultCatalog } from './default-catalog';
import { itemReadiness } from './readiness';
import type { CatalogItem } from './schema';

const item = (code: string): CatalogItem => defaultCatalog().items.find((candidate) => candidate.code === code)!;
const ALL_KINDS: DeviceKind[] = ['idCardReader', 'socialSecurityCardReader', 'receiptPrinter', 'documentPrinter', 'documentCamera', 'faceCamera'];

function devices(overrides: Partial<Record<DeviceKind, Pick<DeviceStatus, 'state' | 'media'> | null>> = {}) {
  return ALL_KINDS.flatMap((kind) => {
    const override = overrides[kind];
    if (override === null) return [];
    const media: DeviceStatus['media'] = kind.includes('Printer') ? 'present' : 'notApplicable';
    return [{ kind, ...(override ?? { state: 'online' as const, media }) }];
  });
}

describe('item readiness', () => {
  it('says every item can be finished now when all devices work and the county answers', () => {
    for (const entry of defaultCatalog().items) expect([entry.code, itemReadiness(entry, devices(), true).state]).toEqual([entry.code, 'ready']);
  });

  it('lets apply items be done offline and sent later, and refuses online-only items with the network as reason', () => {
    expect(itemReadiness(item('JOB-01'), devices(), false)).toEqual({ state: 'queued', reasons: [] });
    const query = itemReadiness(item('INS-05'), devices(), false);
    expect(query.state).toBe('unavailable');
    expect(query.reasons).toEqual([{ kind: 'county', messageKey: 'catalog:readiness.county' }]);
    // The vacancy list works without the county only while the kiosk holds a young enough copy (issue 11).
    expect(itemReadiness(item('JOB-02'), devices(), false, 'self', true).state).toBe('ready');
    expect(itemReadiness(item('JOB-02'), devices(), false).state).toBe('unavailable');
    expect(itemReadiness(item('JOB-15'), devices(), false).state).toBe('ready');
  });

  it('names the broken device: a printer out of paper stops apply items, not lookups', () => {
    const noPaper = devices({ receiptPrinter: { state: 'userActionRequired', media: 'absent' } });
    expect(itemReadiness(item('JOB-01'), noPaper, true)).toEqual({
      state: 'unavailable',
      reasons: [{ kind: 'device', device: 'receiptPrinter', messageKey: 'catalog:readiness.device.receiptPrinter' }],
    });
    expect(itemReadiness(item('INS-05'), noPaper, true).state).toBe('ready');
    const paperFlagOnly = devices({ receiptPrinter: { state: 'online', media: 'absent' } });
    expect(itemReadiness(item('JOB-01'), paperFlagOnly, true).state).toBe('unavailable');
    const paperLow = devices({ receiptPrinter: { state: 'online', media: 'low' } });
    expect(itemReadiness(item('JOB-01'), paperLow, true).state).toBe('ready');
  });

  it('needs any one working reader the item accepts, unless a clerk may type the ID number', () => {
    const noIdReader = devices({ idCardReader: { state: 'offline', media: 'unknown' } });
    expect(itemReadiness(item('INS-01'), noIdReader, true).state).toBe('ready'); // the social security card still works
    const noReaders = devices({ idCardReader: null, socialSecurityCardReader: { state: 'hardwareError', media: 'unknown' } });
    expect(itemReadiness(item('INS-01'), noReaders, true).reasons.map((r) => r.kind)).toEqual(['identityReader']);
    expect(itemReadiness(item('INS-01'), noReaders, true, 'assisted').state).toBe('ready');
    // Higher-risk items never take a typed ID number.
    expect(itemReadiness(item('INS-11'), noReaders, true, 'assisted').state).toBe('unavailable');
    // The loss report works without the card it reports lost.
    expect(itemReadiness(item('CARD-02'), devices({ socialSecurityCardReader: null }), true).state).toBe('ready');
  });

  it('tells a point without the device to send the resident elsewhere, not to wait for a repair', () => {
    const village = devices({ documentPrinter: null });
    expect(itemReadiness(item('INS-09'), village, true).reasons).toEqual([
      { kind: 'device', device: 'documentPrinter', messageKey: 'catalog:readiness.notInstalled.documentPrinter' },
    ]);
    const unconfigured = devices({ faceCamera: { state: 'notConfigured', media: 'notApplicable' } });
    expect(itemReadiness(item('INS-04'), unconfigured, true).reasons[0]!.messageKey).toBe('catalog:readiness.notInstalled.faceCamera');
  });

  it('lists every reason at once: face camera broken and county down', () => {
    const broken = devices({ faceCamera: { state: 'hardwareError', media: 'notApplicable' } });
    expect(itemReadiness(item('INS-04'), broken, false).reasons.map((r) => r.kind)).toEqual(['device', 'county']);
  });

  it('says every reason in both languages', () => {
    const keys = new Set<string>();
    for (const entry of defaultCatalog().items) {
      for (const broken of [devices(Object.fromEntries(ALL_KINDS.map((kind) => [kind, null]))), devices(Object.fromEntries(ALL_KINDS.map((kind) => [kind, { state: 'hardwareError', media: 'unknown' }])))]) {
        for (const reason of itemReadiness(entry, broken, false).reasons) keys.add(reason.messageKey);
      }
    }
    expect(keys.size).toBeGreaterThanOrEqual(10);
    for (const key of keys) {
      const path = key.replace(/^catalog:/, '').split('.');
      const find = (tree: unknown) => path.reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], tree);
      expect([key, typeof find(zhCatalog), typeof find(enCatalog)]).toEqual([key, 'string', 'string']);
    }
  });
});
