import { expect } from '@playwright/test';
import type { Point } from './point';

export type ClerkDecision = 'take' | 'return' | 'finish' | 'refuse';

async function adminFetch(point: Pick<Point, 'county'>, urlPath: string, body?: Record<string, unknown>): Promise<Response> {
  return fetch(`${point.county.url}/admin/v1/back-office${urlPath}`, {
    method: body ? 'POST' : 'GET',
    headers: { authorization: `Bearer ${point.county.adminToken}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
}

/**
 * A county clerk decides an application at the reference back office's desk, as the console would. The gateway
 * stores an item (the kiosk then reads "received") and its relay hands it to the back office a moment later, so a
 * clerk can only take it once it waits on the desk: `take` first waits for that, as a clerk waits for the list.
 */
export async function countyClerkDecides(
  point: Pick<Point, 'county'>,
  applicationId: string,
  decision: ClerkDecision,
  details: { clerkId?: string } & Record<string, unknown> = {},
): Promise<void> {
  if (decision === 'take') {
    await expect
      .poll(async () => {
        const answer = await adminFetch(point, `/applications/${applicationId}`);
        return answer.ok ? ((await answer.json()) as { item: { state: string } }).item.state : `http ${answer.status}`;
      }, { message: `application ${applicationId} waiting on the clerk's desk`, timeout: 30_000 })
      .toBe('waiting');
  }
  const answer = await adminFetch(point, `/applications/${applicationId}/${decision}`, { clerkId: 'county-clerk-1', ...details });
  expect(answer.status, `${decision}: ${await answer.text()}`).toBe(200);
}
