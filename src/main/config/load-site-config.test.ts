import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEMO_SITE_CONFIG, demoSiteConfig, loadSiteConfigFile, SiteConfigError } from './load-site-config';

function writeTemp(content: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-config-'));
  const file = path.join(dir, 'site.json');
  fs.writeFileSync(file, content);
  return file;
}

describe('site config', () => {
  it('accepts the embedded demo and fills defaults', () => {
    const cfg = demoSiteConfig();
    expect(cfg.site.level).toBe('village');
    expect(cfg.kiosk.idleTimeoutSeconds).toBe(75);
    expect(cfg.devices.map((d) => d.kind)).toContain('idCardReader');
  });

  it('names the field and what is expected for a wrong file', () => {
    const bad = structuredClone(DEMO_SITE_CONFIG) as { site: { divisionCode: string } };
    bad.site.divisionCode = '1401';
    const file = writeTemp(JSON.stringify(bad));
    expect(() => loadSiteConfigFile(file)).toThrow(SiteConfigError);
    try {
      loadSiteConfigFile(file);
    } catch (error) {
      expect((error as SiteConfigError).problems).toEqual(['site.divisionCode: 12 digits']);
      expect((error as Error).message).toContain(file);
    }
  });

  it('says when the file is not JSON or does not exist', () => {
    expect(() => loadSiteConfigFile(writeTemp('{ site: '))).toThrow(/not valid JSON/);
    expect(() => loadSiteConfigFile('/nonexistent/site.json')).toThrow(/does not exist/);
  });

  it('refuses duplicate device ids and a county without a secret', () => {
    const bad = structuredClone(DEMO_SITE_CONFIG) as Record<string, unknown> & { devices: Array<{ id: string }> };
    bad.devices[1]!.id = bad.devices[0]!.id;
    bad.county = { url: 'https://county.example/', kioskId: 'k1' };
    try {
      loadSiteConfigFile(writeTemp(JSON.stringify(bad)));
      throw new Error('should not load');
    } catch (error) {
      const problems = (error as SiteConfigError).problems;
      expect(problems).toContain('devices.1.id: duplicate device id "id-reader"');
      expect(problems).toContain('county.secret: secret or secretFile is required');
    }
  });

  it('requires https with a pinned CA and the config signing key, unless the county link is marked development', () => {
    const withCounty = (county: Record<string, unknown>) => {
      const config = structuredClone(DEMO_SITE_CONFIG) as Record<string, unknown>;
      config.county = { kioskId: 'k1', secret: 'x'.repeat(32), ...county };
      return config;
    };
    const problemsOf = (county: Record<string, unknown>): readonly string[] => {
      try {
        loadSiteConfigFile(writeTemp(JSON.stringify(withCounty(county))));
        return [];
      } catch (error) {
        return (error as SiteConfigError).problems;
      }
    };
    expect(problemsOf({ url: 'http://county.example/', caFile: '/ca.pem', configPublicKeyFile: '/k.pem' })).toContain('county.url: must be https: (http: only with "development": true)');
    expect(problemsOf({ url: 'ftp://county.example/', development: true })).toContain('county.url: must be https: (http: only with "development": true)');
    expect(problemsOf({ url: 'https://county.example/' })).toEqual(
      expect.arrayContaining([expect.stringMatching(/^county\.caFile: required/), expect.stringMatching(/^county\.configPublicKeyFile: required/)]),
    );
    expect(problemsOf({ url: 'https://county.example/', caFile: '/ca.pem', configPublicKeyFile: '/k.pem' })).toEqual([]);
    expect(problemsOf({ url: 'http://127.0.0.1:9/', development: true })).toEqual([]);
  });
});
