import type { ClientCarrier } from '../../src/shared/contract/client';
import type { SiteInfo } from '../../src/shared/contract/methods/system';
import type { CoreConnection } from '../../src/renderer/api/connect';
import { SAMPLE_SITE_INFO } from './sample-site-info';

/**
 * A core connection for renderer tests that boot the page: it answers site.info with `site`, records every method
 * asked in `asked`, and leaves every other call unanswered (the screens show what they show before their answers).
 */
export function answeringCore(site: SiteInfo = SAMPLE_SITE_INFO, asked: string[] = []): CoreConnection {
  const carrier: ClientCarrier = {
    call: (method) => (asked.push(method), method === 'site.info' ? Promise.resolve({ result: site }) : new Promise(() => undefined)),
    onEvent: () => () => undefined,
  };
  return { carrier, onConnectionChange: () => () => undefined };
}
