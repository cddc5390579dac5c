import type { FaultMove, FaultReport } from '../shared/sync/protocol';
import type { CountyQuery } from './db/connection';
import { nextConfigVersion } from './db/counters';
import { inTransaction } from './db/transaction';

/**
 * The point's side of a ticket arriving at the county (POST /v1/faults): new tickets are kept, and the moves made at
 * the point (acknowledge, note, climb out of the point, resolve after a passing self-test, reopen) join the ticket's
 * stamped moves once each (a move sent again after a lost answer is the same move: same instant, action and level)
 * and move the ticket as the console's own moves do. Then the ticket's version is bumped so the kiosk gets the
 * county's whole list back with its next config pull.
 */
export async function recordFaultReport(q: CountyQuery, kioskId: string, tickets: FaultReport['tickets']): Promise<void> {
  await inTransaction(q, async (trx) => {
    for (const t of tickets) {
      await trx
        .insertInto('faults')
        .values({ id: t.id, kiosk_id: kioskId, opened_at: t.openedAt, device_id: t.deviceId, summary: t.summary, state: 'open', version: 0 })
        .onConflict((c) => c.column('id').doNothing())
        .execute();
      const owner = await trx.selectFrom('faults').select(['kiosk_id', 'opened_at']).where('id', '=', t.id).executeTakeFirstOrThrow();
      if (owner.kiosk_id !== kioskId) continue; // another kiosk's ticket id: never touched from here
      let changed = false;
      for (const m of [...(t.moves ?? [])].sort((a, b) => Date.parse(a.at) - Date.parse(b.at))) changed = (await applyPointMove(trx, kioskId, t.id, owner.opened_at, m)) || changed;
      if (changed) await trx.updateTable('faults').set({ version: await nextConfigVersion(trx) }).where('id', '=', t.id).execute();
    }
  });
}

async function applyPointMove(trx: CountyQuery, kioskId: string, faultId: string, openedAt: string, m: FaultMove): Promise<boolean> {
  const at = Date.parse(m.at);
  const state = m.action === 'resolve' ? 'closed' : m.action === 'acknowledge' ? 'acknowledged' : m.action === 'reopen' || m.action === 'climb' ? 'open' : null;
  const seen = await trx.selectFrom('fault_moves').select('seq').where('fault_id', '=', faultId).where('at', '=', at).where('action', '=', m.action).where('level', '=', m.level).executeTakeFirst();
  if (seen) return false;
  await trx
    .insertInto('fault_escalation')
    .values({ fault_id: faultId, level: 'point', level_since: Date.parse(openedAt), acknowledged_at: null, acknowledged_by: null, resolved_at: null })
    .onConflict((c) => c.column('fault_id').doNothing())
    .execute();
  await trx.insertInto('fault_moves').values({ fault_id: faultId, at, actor_id: `kiosk:${kioskId}`, actor_name: m.by, action: m.action, level: m.level, note: m.note ?? null }).execute();
  const escalation = trx.updateTable('fault_escalation').where('fault_id', '=', faultId);
  switch (m.action) {
    case 'climb':
    case 'passUp':
      await escalation.set({ level: m.level, level_since: at, acknowledged_at: null, acknowledged_by: null }).execute();
      break;
    case 'acknowledge':
      await escalation.set({ acknowledged_at: at, acknowledged_by: m.by }).execute();
      break;
    case 'resolve':
      await escalation.set({ resolved_at: at }).execute();
      break;
    case 'reopen':
      await escalation.set({ resolved_at: null, level_since: at, acknowledged_at: null, acknowledged_by: null }).execute();
      break;
    case 'note':
      break;
  }
  if (state) await trx.updateTable('faults').set({ state }).where('id', '=', faultId).execute();
  return true;
}
