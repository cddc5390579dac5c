import path from 'node:path';
import { loadSiteConfigFile } from './load-site-config';

describe('docs/site-config.example.json', () => {
  it('is a valid site config (the documented example must keep working)', () => {
    const cfg = loadSiteConfigFile(path.resolve(__dirname, '../../../docs/site-config.example.json'));
    expect(cfg.site.level).toBe('demonstration');
    expect(cfg.devices).toHaveLength(5);
  });
});
