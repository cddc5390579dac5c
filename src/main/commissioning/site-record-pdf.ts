import type { SiteRecord } from '../../shared/commissioning/site-record';
import { stepDetailText, stepNameText, type Say } from '../../shared/commissioning/step-finding';
import type { Language } from '../../shared/locales';
import { formatPointTime } from '../../shared/report/report-month';
import { PdfComposer } from '../printing/pdf-composer';
import { translatorFor } from '../printing/translator';

/**
 * A commissioning or acceptance record on A4 (CJK font embedded): the point, who and when, every check or criterion
 * with its result and what it found (worded in the language asked for: the technician's), the verdict, the signer.
 * It carries staff names and device words only, never a resident.
 */
export async function siteRecordPdf(record: SiteRecord, language: Language): Promise<Uint8Array> {
  const base = translatorFor(language);
  const say: Say = (key, options) => base(key, options ?? {});
  const t = (key: string, options?: Record<string, unknown>) => say(`technician:commissioning.${key}`, options);
  const title = t(record.kind === 'commissioning' ? 'pdf.commissioningTitle' : 'pdf.acceptanceTitle');
  const composer = await PdfComposer.create({ title, subject: record.siteName[language] });
  composer.heading(title, 18);
  composer.pair(t('pdf.point'), record.siteName[language], 11);
  composer.pair(t('pdf.division'), record.divisionCode, 11);
  composer.pair(t('pdf.kiosk'), record.kioskId, 11);
  composer.pair(t('pdf.app'), record.appVersion, 11);
  composer.pair(t('pdf.recordId'), record.recordId, 11);
  const verdict = t(`verdict.${String(record.passed)}`);
  if (record.kind === 'commissioning') {
    composer.pair(t('pdf.technician'), record.technician.name, 11);
    composer.pair(t('pdf.started'), formatPointTime(record.startedAt), 11);
    composer.pair(t('pdf.completed'), formatPointTime(record.completedAt), 11);
    composer.space(6);
    composer.table(
      [
        { header: t('pdf.steps'), width: 190 },
        { header: t('pdf.verdict'), width: 55 },
        { header: '', width: 50 },
        { header: '', width: 188 },
      ],
      record.steps.map((s) => ({
        cells: [
          stepNameText(s, say),
          t(s.passed ? 'passed' : 'failed'),
          t(s.how === 'automatic' ? 'pdf.auto' : 'pdf.manualStep'),
          stepDetailText(s, say),
        ],
      })),
    );
    composer.space(4);
    composer.paragraph(record.steps.map((s) => t('pdf.by', { name: s.checkedBy.name, time: formatPointTime(s.checkedAt) })).filter((v, i, all) => all.indexOf(v) === i).join('; '), { size: 9 });
  } else {
    composer.pair(t('pdf.standardLabel'), t(`standard.${record.standard}`), 11);
    composer.pair(t('pdf.completed'), formatPointTime(record.completedAt), 11);
    composer.pair(t('pdf.commissioningRef'), record.commissioningRecordId, 11);
    composer.space(6);
    composer.table(
      [
        { header: t('pdf.criteria'), width: 240 },
        { header: t('pdf.verdict'), width: 70 },
        { header: '', width: 173 },
      ],
      record.criteria.map((c) => ({ cells: [t(`criterion.${c.id}`), t(c.met ? 'pdf.met' : 'pdf.notMet'), c.note ?? ''] })),
    );
    composer.space(6);
    composer.pair(t('pdf.signedBy'), `${record.signedBy.name} (${t(`pdf.role.${record.signedBy.role}`)})`, 11);
  }
  composer.space(6);
  composer.pair(t('pdf.verdict'), verdict, 13);
  return composer.save((page, pages) => `${title} ${record.recordId.slice(0, 8)}  ${page}/${pages}`);
}
