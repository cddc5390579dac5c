import { DERIVED_STAGES, PROGRAMME_STAGES, type Milestone, type Programme, type ProgrammeRow, type ProgrammeStage, type Scope } from '../../shared/console/api';
import type { CountyDb } from '../county-db';
import { pointsInScope } from './points';
import { canSeePoint, pointCondition } from './scope';
import { toStaff } from './staff-register';

/**
 * The 村村全覆盖 programme: every point by stage against the county's dates. Stages are recorded by township or
 * county staff (who and when), except `staffAccounts`, which the staff register shows by itself.
 */
export const DEMO_MILESTONES: Array<{ stage: ProgrammeStage; due: string; share: number }> = [
  { stage: 'siteSetUp', due: '2026-09-30', share: 1 },
  { stage: 'agreementSigned', due: '2026-09-30', share: 1 },
  { stage: 'staffAccounts', due: '2026-10-15', share: 1 },
  { stage: 'trained', due: '2026-10-31', share: 1 },
  { stage: 'commissioned', due: '2026-11-15', share: 0.5 },
  { stage: 'commissioned', due: '2026-12-15', share: 1 },
  { stage: 'trialRun', due: '2026-12-31', share: 1 },
  { stage: 'accepted', due: '2027-01-31', share: 1 },
  { stage: 'publicity', due: '2027-02-28', share: 1 },
];

export function setMilestones(db: CountyDb, milestones: ReadonlyArray<{ stage: ProgrammeStage; due: string; share: number }>): void {
  db.transaction(() => {
    db.prepare('DELETE FROM programme_milestones').run();
    const insert = db.prepare('INSERT INTO programme_milestones (stage, due, share) VALUES (?, ?, ?)');
    for (const m of milestones) insert.run(m.stage, m.due, m.share);
  })();
}

/** Records (or clears) a stage of a point; the caller has checked the point is in scope. */
export function markStage(db: CountyDb, kioskId: string, stage: ProgrammeStage, done: boolean, at: number, actor: { id: string; name: string }): void {
  if (!done) {
    db.prepare('DELETE FROM programme_stages WHERE kiosk_id = ? AND stage = ?').run(kioskId, stage);
    return;
  }
  db.prepare(
    `INSERT INTO programme_stages (kiosk_id, stage, done_at, actor_id, actor_name) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (kiosk_id, stage) DO UPDATE SET done_at = excluded.done_at, actor_id = excluded.actor_id, actor_name = excluded.actor_name`,
  ).run(kioskId, stage, at, actor.id, actor.name);
}

export function programme(db: CountyDb, scope: Scope, now: Date): Programme {
  const points = pointsInScope(db, scope);
  const where = pointCondition(scope);
  const recorded = db
    .prepare(`SELECT s.kiosk_id, s.stage, s.done_at, s.actor_name FROM programme_stages s JOIN points p ON p.kiosk_id = s.kiosk_id WHERE ${where.sql}`)
    .all(...where.params) as Array<{ kiosk_id: string; stage: ProgrammeStage; done_at: number; actor_name: string | null }>;
  const byPoint = new Map<string, Map<ProgrammeStage, { doneAt: string; by: string | null }>>();
  for (const r of recorded) {
    const stages = byPoint.get(r.kiosk_id) ?? new Map();
    stages.set(r.stage, { doneAt: new Date(r.done_at).toISOString(), by: r.actor_name });
    byPoint.set(r.kiosk_id, stages);
  }
  // Derived: the first enabled clerk account whose scope covers the point.
  const clerks = (db.prepare('SELECT * FROM staff_register WHERE disabled = 0 ORDER BY created_at').all() as Array<Parameters<typeof toStaff>[0] & { created_at: number }>)
    .map((r) => ({ staff: toStaff(r), createdAt: r.created_at }))
    .filter((c) => c.staff.roles.includes('clerk'));
  const today = now.toISOString().slice(0, 10);
  const milestones = db.prepare('SELECT stage, due, share FROM programme_milestones ORDER BY due, stage').all() as Array<{ stage: ProgrammeStage; due: string; share: number }>;

  const rows: ProgrammeRow[] = points.map((point) => {
    const stages: ProgrammeRow['stages'] = {};
    for (const stage of PROGRAMME_STAGES) {
      if (DERIVED_STAGES.includes(stage)) {
        const clerk = clerks.find((c) => canSeePoint(c.staff.scope, point.divisionCode));
        stages[stage] = clerk ? { doneAt: new Date(clerk.createdAt).toISOString(), by: null } : null;
      } else {
        stages[stage] = byPoint.get(point.kioskId)?.get(stage) ?? null;
      }
    }
    const behind = PROGRAMME_STAGES.filter((stage) => !stages[stage] && milestones.some((m) => m.stage === stage && m.share >= 1 && m.due < today));
    return { point, stages, behind };
  });

  const shareOf = (stage: ProgrammeStage) => (rows.length === 0 ? 0 : rows.filter((r) => r.stages[stage]).length / rows.length);
  const out: Milestone[] = milestones.map((m) => {
    const reached = shareOf(m.stage);
    return { ...m, reached, state: reached >= m.share ? 'met' : m.due < today ? 'missed' : 'open' };
  });
  return { now: now.toISOString(), milestones: out, rows };
}
