import path from 'node:path';
import { expect, test } from '@playwright/test';
import { readDb, usePoint } from './support/point';
import { openTechnicianWorkspace } from './support/staff';

/**
 * A fault that climbs by itself (故障排除上下联动, issue 10) in the browser, on the kiosk's controlled clock: the county
 * publishes a point response time of 1 minute (the site settings' faultResponseMinutes), the kiosk takes it in a sync
 * round, the technician opens a ticket in the workspace, the test host moves the kiosk's clock 2 minutes on
 * (dev.clock.advance; nobody waits a minute of wall time), the workspace shows the ticket at the township with the
 * automatic climb, and after sync the county holds it there, climbed at exactly opened + 1 minute.
 */
test.describe.configure({ mode: 'serial' });
const point = usePoint('demonstration');
const MIN = 60_000;

test('a ticket nobody takes climbs to the township at its published time on the controlled clock, and the county agrees', async ({ page }) => {
  const published = await fetch(`${point.county.url}/admin/v1/config/site`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${point.county.adminToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ onDuty: '李秀英', consultationPhone: '0351-12333', faultResponseMinutes: { point: 1, township: 240, county: 480, vendor: 2880 } }),
  });
  expect(published.status).toBe(200);

  await openTechnicianWorkspace(page, point.kiosk.url);
  // The config round brings the county's response times.
  await page.locator('[data-technician-tab="system"]').click();
  await page.locator('[data-technician-sync]').click();
  await expect(page.locator('[data-sync-outcome]')).toContainText('同步完成');

  await page.locator('[data-technician-tab="faults"]').click();
  await page.locator('[data-fault-device]').selectOption('receipt-printer');
  await page.locator('[data-fault-summary]').fill('paper feed stalls after the cut');
  await page.locator('[data-fault-open]').click();
  const ticket = page.locator('[data-fault-ticket]').filter({ hasText: 'paper feed stalls after the cut' });
  await expect(ticket).toHaveAttribute('data-fault-level', 'point');
  await expect(ticket.locator('[data-fault-due]')).toContainText('前无人受理将自动升级');
  const id = (await ticket.getAttribute('data-fault-ticket'))!;

  // Two minutes later on the kiosk's clock: the Faults tab's next look finds it climbed by itself.
  await point.core.call('dev.clock.advance', { minutes: 2 });
  await expect(ticket).toHaveAttribute('data-fault-level', 'township', { timeout: 15_000 });
  await expect(ticket.locator('[data-fault-move="climb"]')).toContainText('超时未受理，自动升级至乡镇人社所 — 自动');

  await page.locator('[data-technician-tab="system"]').click();
  await page.locator('[data-technician-sync]').click();
  await expect(page.locator('[data-sync-outcome]')).toContainText('同步完成');
  const county = path.join(point.county.dataDir, 'county.sqlite');
  const stored = readDb(county, (db) => ({
    fault: db.prepare('SELECT opened_at, device_id, state FROM faults WHERE id = ?').get(id) as { opened_at: string; device_id: string; state: string },
    escalation: db.prepare('SELECT level, level_since FROM fault_escalation WHERE fault_id = ?').get(id) as { level: string; level_since: number },
    moves: db.prepare('SELECT at, action, level, actor_name FROM fault_moves WHERE fault_id = ? ORDER BY at').all(id) as Array<{ at: number; action: string; level: string; actor_name: string }>,
  }));
  const openedAt = Date.parse(stored.fault.opened_at);
  expect(stored.fault).toMatchObject({ device_id: 'receipt-printer', state: 'open' });
  expect(stored.escalation).toEqual({ level: 'township', level_since: openedAt + 1 * MIN });
  expect(stored.moves).toEqual([{ at: openedAt + 1 * MIN, action: 'climb', level: 'township', actor_name: 'system' }]);
});
