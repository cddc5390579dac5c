import { createHmac } from 'node:crypto';

/**
 * Signs a report's canonical text with a key derived from the kiosk's county secret (a key of its own, so a report
 * signature can never stand in for a request signature). The county checks it the same way (src/county/point-reports.ts).
 */
export function reportSigner(secret: string): (text: string) => string {
  const key = createHmac('sha256', secret).update('village-kiosk monthly report v1').digest();
  return (text) => createHmac('sha256', key).update(text).digest('hex');
}
