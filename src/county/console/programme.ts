import { DERIVED_STAGES, PROGRAMME_STAGES, RECORD_STAGES, type Milestone, type Programme, type ProgrammePage, type ProgrammeRow, type ProgrammeStage, type Scope } from '../../shared/console/api';
import { SiteRecordSchema } from '../../shared/commissioning/site-record';
import type { ParsedTableQuery } from '../../shared/console/table-query';
import type { CountyQuery } from '../db/connection';
import { allRows, firstRow } from '../db/raw';
import { inTransaction } from '../db/transaction';
import { toPoint } from './points';
import { canSeePoint, pointCondition } from './scope';
import { toStaff } from './staff-register';
import { and, orderBy, pointTextCondition, type SqlPart } from './table-sql';
import { takeIncoming } from '../db/upsert';

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

export async function setMilestones(q: CountyQuery, milestones: ReadonlyArray<{ stage: ProgrammeStage; due: string; share: number }>): Promise<void> {
  await inTransaction(q, async (trx) => {
    await trx.deleteFrom('programme_milestones').execute();
    if (milestones.length > 0) await trx.insertInto('programme_milestones').values(milestones.map((m) => ({ stage: m.stage, due: m.due, share: m.share }))).execute();
  });
}

/** Records (or clears) a stage of a point; the caller has checked the point is in scope. */
export async function markStage(q: CountyQuery, kioskId: string, stage: ProgrammeStage, done: boolean, at: number, actor: { id: string; name: string }): Promise<void> {
  if (!done) {
    await q.deleteFrom('programme_stages').where('kiosk_id', '=', kioskId).where('stage', '=', stage).execute();
    return;
  }
  await q
    .insertInto('programme_stages')
    .values({ kiosk_id: kioskId, stage, done_at: at, actor_id: actor.id, actor_name: actor.name })
    .onConflict((c) =>
      c.columns(['kiosk_id', 'stage']).doUpdateSet(takeIncoming('programme_stages', 'done_at', 'actor_id', 'actor_name')),
    )
    .execute();
}

/** The whole table (the xlsx export, and the answer to a change). */
export async function programme(db: CountyQuery, scope: Scope, now: Date): Promise<Programme> {
  const { page: _page, behind: _behind, ...whole } = await programmePage(db, scope, now, { offset: 0, limit: Number.MAX_SAFE_INTEGER });
  return whole;
}

/** A kiosk's passing commissioning or acceptance record (site_records, kept by src/county/site-records.ts). */
const PASSED_RECORD = 'SELECT 1 FROM site_records r WHERE r.kiosk_id = p.kiosk_id AND r.passed = 1';

/**
 * The first passing record of each kind for these points: when the stage was reached (the record's completion) and
 * who stands behind it (the technician who commissioned, the township or county account that signed acceptance).
 */
async function passedRecordsOf(db: CountyQuery, kioskIds: string[]): Promise<Map<string, { doneAt: string; by: string | null }>> {
  const out = new Map<string, { doneAt: string; by: string | null }>();
  if (kioskIds.length === 0) return out;
  const rows = await db.selectFrom('site_records').select(['kiosk_id', 'kind', 'body']).where('passed', '=', 1).where('kiosk_id', 'in', kioskIds).orderBy('completed_at', 'desc').execute();
  for (const r of rows) {
    const parsed = SiteRecordSchema.safeParse(JSON.parse(r.body));
    if (!parsed.success) continue;
    const record = parsed.data;
    // Newest first, so the earliest passing record is the one left in the map.
    out.set(`${r.kiosk_id}/${r.kind}`, { doneAt: new Date(record.completedAt).toISOString(), by: record.kind === 'commissioning' ? record.technician.name : record.signedBy.name });
  }
  return out;
}

const TRUE: SqlPart = { sql: '1 = 1', params: [] };
const FALSE: SqlPart = { sql: '1 = 0', params: [] };
const or = (parts: SqlPart[]): SqlPart => (parts.length === 0 ? FALSE : { sql: parts.map((p) => `(${p.sql})`).join(' OR '), params: parts.flatMap((p) => p.params) });

/** Points (aliased `p`) that an account's scope covers. */
function covers(scope: Scope): SqlPart {
  if (scope.kind === 'county') return TRUE;
  if (scope.kind === 'township') return { sql: 'p.township = ?', params: [scope.township] };
  return { sql: `p.division_code IN (${scope.points.map(() => '?').join(', ')})`, params: scope.points };
}

/**
 * One page of the programme table, sorted, filtered and paged in SQL; the milestones' shares and the count of
 * points behind are over every point in scope.
 */
export async function programmePage(db: CountyQuery, scope: Scope, now: Date, query: ParsedTableQuery): Promise<ProgrammePage> {
  const inScope = pointCondition(scope);
  // Derived: the first enabled clerk account whose scope covers the point.
  const clerks = (await db.selectFrom('staff_register').selectAll().where('disabled', '=', 0).orderBy('created_at').execute())
    .map((r) => ({ staff: toStaff(r), createdAt: r.created_at }))
    .filter((c) => c.staff.roles.includes('clerk'));
  const covered = or(clerks.map((c) => covers(c.staff.scope)));
  const today = now.toISOString().slice(0, 10);
  const milestones = (await db.selectFrom('programme_milestones').select(['stage', 'due', 'share']).orderBy('due').orderBy('stage').execute()) as Array<{ stage: ProgrammeStage; due: string; share: number }>;
  const overdue = PROGRAMME_STAGES.filter((stage) => milestones.some((m) => m.stage === stage && m.share >= 1 && m.due < today));
  const reachedBy = (stage: ProgrammeStage): SqlPart => {
    const record = RECORD_STAGES[stage];
    if (record) return { sql: `EXISTS (${PASSED_RECORD} AND r.kind = ?)`, params: [record] };
    return DERIVED_STAGES.includes(stage) ? covered : { sql: 'EXISTS (SELECT 1 FROM programme_stages x WHERE x.kiosk_id = p.kiosk_id AND x.stage = ?)', params: [stage] };
  };
  const behind = or(overdue.map((stage) => { const r = reachedBy(stage); return { sql: `NOT (${r.sql})`, params: r.params }; }));

  const count = async (part: SqlPart) => Number((await firstRow<{ n: number }>(db, `SELECT COUNT(*) AS n FROM points p WHERE ${part.sql}`, part.params))!.n);
  const total = await count(inScope);
  const reached = new Map<ProgrammeStage, number>();
  const stageRows = await allRows<{ stage: ProgrammeStage; n: number }>(db, `SELECT x.stage, COUNT(*) AS n FROM programme_stages x JOIN points p ON p.kiosk_id = x.kiosk_id WHERE ${inScope.sql} GROUP BY x.stage`, inScope.params);
  for (const r of stageRows) reached.set(r.stage, Number(r.n));
  for (const stage of DERIVED_STAGES) reached.set(stage, await count(and(inScope, reachedBy(stage))));
  const shareOf = (stage: ProgrammeStage) => (total === 0 ? 0 : (reached.get(stage) ?? 0) / total);

  const where = and(inScope, pointTextCondition(query.q), query.only === 'behind' ? behind : TRUE);
  const sortStage = PROGRAMME_STAGES.find((s) => s === query.sort);
  const sortRecord = sortStage && RECORD_STAGES[sortStage];
  const sortBy: SqlPart = !sortStage
    ? { sql: query.sort === 'point' ? 'p.name_zh' : 'p.division_code', params: [] }
    : sortRecord
      ? { sql: `(SELECT MIN(r.completed_at) ${PASSED_RECORD.slice(PASSED_RECORD.indexOf('FROM'))} AND r.kind = ?)`, params: [sortRecord] }
      : DERIVED_STAGES.includes(sortStage)
      ? { sql: `CASE WHEN ${covered.sql} THEN 1 END`, params: covered.params }
      : { sql: '(SELECT x.done_at FROM programme_stages x WHERE x.kiosk_id = p.kiosk_id AND x.stage = ?)', params: [sortStage] };
  const order = orderBy(sortBy.sql, query);
  const orderParams = [...sortBy.params, ...sortBy.params]; // the expression appears twice (nulls last, then the value)
  const points = (await allRows<Parameters<typeof toPoint>[0]>(db, `SELECT p.* FROM points p WHERE ${where.sql} ${order} LIMIT ? OFFSET ?`, [...where.params, ...orderParams, query.limit, query.offset])).map(toPoint);

  const byPoint = new Map<string, Map<ProgrammeStage, { doneAt: string; by: string | null }>>();
  if (points.length > 0) {
    const recorded = (await db
      .selectFrom('programme_stages')
      .select(['kiosk_id', 'stage', 'done_at', 'actor_name'])
      .where('kiosk_id', 'in', points.map((p) => p.kioskId))
      .execute()) as Array<{ kiosk_id: string; stage: ProgrammeStage; done_at: number; actor_name: string | null }>;
    for (const r of recorded) {
      const stages = byPoint.get(r.kiosk_id) ?? new Map();
      stages.set(r.stage, { doneAt: new Date(r.done_at).toISOString(), by: r.actor_name });
      byPoint.set(r.kiosk_id, stages);
    }
  }
  const records = await passedRecordsOf(db, points.map((p) => p.kioskId));
  const rows: ProgrammeRow[] = points.map((point) => {
    const stages: ProgrammeRow['stages'] = {};
    for (const stage of PROGRAMME_STAGES) {
      const record = RECORD_STAGES[stage];
      if (record) {
        stages[stage] = records.get(`${point.kioskId}/${record}`) ?? null;
      } else if (DERIVED_STAGES.includes(stage)) {
        const clerk = clerks.find((c) => canSeePoint(c.staff.scope, point.divisionCode));
        stages[stage] = clerk ? { doneAt: new Date(clerk.createdAt).toISOString(), by: null } : null;
      } else {
        stages[stage] = byPoint.get(point.kioskId)?.get(stage) ?? null;
      }
    }
    return { point, stages, behind: overdue.filter((stage) => !stages[stage]) };
  });

  const out: Milestone[] = milestones.map((m) => {
    const share = shareOf(m.stage);
    return { ...m, reached: share, state: share >= m.share ? 'met' : m.due < today ? 'missed' : 'open' };
  });
  return {
    now: now.toISOString(),
    milestones: out,
    rows,
    page: { total, matched: await count(where), offset: query.offset, limit: Math.min(query.limit, Math.max(total, 1)) },
    behind: await count(and(inScope, behind)),
  };
}
