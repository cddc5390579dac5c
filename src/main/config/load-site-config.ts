import fs from 'node:fs';
import { z } from 'zod';
import { SiteConfigSchema, type SiteConfig, type SiteConfigInput } from '../../shared/config/site-config';

/** A site config that cannot be used. The message names the file, the field and what is expected. */
export class SiteConfigError extends Error {
  constructor(
    message: string,
    readonly problems: readonly string[],
  ) {
    super(message);
    this.name = 'SiteConfigError';
  }
}

function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const where = issue.path.length > 0 ? issue.path.map(String).join('.') : '(top level)';
    return `${where}: ${issue.message}`;
  });
}

/** Validates a parsed config object. */
export function parseSiteConfig(raw: unknown, source = 'site config'): SiteConfig {
  const result = SiteConfigSchema.safeParse(raw);
  if (!result.success) {
    const problems = describeIssues(result.error);
    throw new SiteConfigError(`${source} is not valid:\n  - ${problems.join('\n  - ')}`, problems);
  }
  return result.data;
}

/** Reads and validates a JSON site config file. */
export function loadSiteConfigFile(file: string): SiteConfig {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'the file does not exist' : String((error as Error).message);
    throw new SiteConfigError(`cannot read site config ${file}: ${reason}`, [reason]);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new SiteConfigError(`site config ${file} is not valid JSON: ${(error as Error).message}`, ['json']);
  }
  return parseSiteConfig(raw, `site config ${file}`);
}

/**
 * The embedded default: a demo village point with every device simulated and no county (offline).
 * Used when the kiosk starts with no config file at all.
 */
export const DEMO_SITE_CONFIG: SiteConfigInput = {
  site: {
    name: { 'zh-CN': '示例村就业社保服务点', en: 'Example Village Employment and Social Security Point' },
    divisionCode: '140100000001',
    level: 'village',
    officeHours: [
      { days: [1, 2, 3, 4, 5], open: '08:30', close: '12:00' },
      { days: [1, 2, 3, 4, 5], open: '14:30', close: '17:30' },
    ],
    consultationPhone: '0351-12333',
    onDuty: '李*华',
  },
  devices: [
    { id: 'id-reader', kind: 'idCardReader', transport: { type: 'simulated' } },
    { id: 'ssc-reader', kind: 'socialSecurityCardReader', transport: { type: 'simulated' } },
    { id: 'receipt-printer', kind: 'receiptPrinter', transport: { type: 'simulated' } },
    { id: 'doc-camera', kind: 'documentCamera', transport: { type: 'media' } },
    { id: 'face-camera', kind: 'faceCamera', transport: { type: 'simulated' } },
  ],
};

export function demoSiteConfig(): SiteConfig {
  return parseSiteConfig(DEMO_SITE_CONFIG, 'embedded demo config');
}
