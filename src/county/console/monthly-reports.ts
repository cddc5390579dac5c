import type { Point, Scope } from '../../shared/console/api';
import type { PointReport, ReportMonth, ReportMonthRow } from '../../shared/console/reports';
import type { Language } from '../../shared/locales';
import { channelTotal } from '../../shared/report/monthly-figures';
import { itemRows, serviceRows } from '../../shared/report/report-layout';
import { reportDeadline } from '../../shared/report/report-month';
import type { CountyQuery } from '../db/connection';
import { countyCatalogue, pointReportVersions, townshipMonth, type TownshipMonth } from '../point-reports';
import { pointsInScope } from './points';

/**
 * The monthly reports as a console account sees them: only the points in its scope (the gateway's township view,
 * src/county/point-reports.ts, narrowed), each point's state for the month and its versions.
 */
export async function reportMonthInScope(db: CountyQuery, scope: Scope, month: string, now: Date): Promise<{ points: Point[]; month: TownshipMonth }> {
  const points = await pointsInScope(db, scope);
  const view = await townshipMonth(db, month, now, points.map((p) => p.kioskId));
  // A point that sent nothing is still named as the county registered it (the workbook's summary row).
  const names = new Map(points.map((p) => [p.kioskId, p.name]));
  return { points, month: { ...view, points: view.points.map((r) => ({ ...r, siteName: r.siteName ?? names.get(r.kioskId) ?? null })) } };
}

export async function reportMonth(db: CountyQuery, scope: Scope, month: string, now: Date): Promise<ReportMonth> {
  const { points, month: view } = await reportMonthInScope(db, scope, month, now);
  const byKiosk = new Map(view.points.map((r) => [r.kioskId, r]));
  const rows = points.map((point): ReportMonthRow => {
    const r = byKiosk.get(point.kioskId)!;
    const latest = r.latest?.report ?? null;
    return {
      point,
      state: r.state,
      versions: r.versions,
      firstSubmittedAt: r.firstSubmittedAt,
      latestSubmittedAt: latest?.submittedAt ?? null,
      submittedBy: latest?.submittedBy.name ?? null,
      itemsTotal: latest ? latest.figures.items.reduce((sum, i) => sum + channelTotal(i.byChannel), 0) : null,
    };
  });
  const count = (state: ReportMonthRow['state']) => rows.filter((r) => r.state === state).length;
  return {
    now: now.toISOString(),
    month,
    deadline: view.deadline,
    rows,
    counts: { received: count('received'), receivedLate: count('receivedLate'), late: count('late'), due: count('due'), corrected: rows.filter((r) => r.versions > 1).length },
  };
}

/** Every version a point sent for the month, laid out in the township's table in `language` (null: none arrived). */
export async function pointReport(db: CountyQuery, point: Point, month: string, language: Language): Promise<PointReport | null> {
  const versions = await pointReportVersions(db, point.kioskId, month);
  if (versions.length === 0) return null;
  const deadline = reportDeadline(month);
  const catalogue = await countyCatalogue(db);
  return {
    point,
    month,
    deadline: new Date(deadline).toISOString(),
    versions: versions.map(({ report, receivedAt }) => ({
      version: report.version,
      madeAt: report.madeAt,
      submittedAt: report.submittedAt,
      receivedAt,
      submittedBy: report.submittedBy.name,
      late: Date.parse(report.submittedAt) >= deadline,
      notes: report.notes,
      itemRows: itemRows(report.figures, catalogue, language),
      serviceRows: serviceRows(report.figures, language),
    })),
  };
}
