import { useTranslation } from 'react-i18next';
import { localised, useCatalogItem } from '../catalog/catalog-context';
import { CountySettingsNote } from '../catalog/CountySettingsNote';
import { deviceUsable, type ReadinessItem } from '../../shared/catalog/readiness';
import { ReadinessBadge } from '../readiness/ReadinessBadge';
import { useItemReadiness } from '../readiness/use-readiness';
import { useLiveStatus } from '../readiness/readiness-context';
import { useKiosk } from '../app/kiosk-context';
import { useInstruction } from '../speech/instruction-context';
import { PrintJobStatus } from '../printing/PrintJobStatus';
import { printJobBusy, usePrintJob } from '../printing/use-print-job';

/** Stands in while the catalogue loads, so the hooks run in the same order on every render. */
const UNKNOWN_ITEM: ReadinessItem = { requiresDevices: [], needsCountyOnline: true, offlineCache: false, identity: { required: false, accepts: [], faceCheck: false }, type: 'info' };

/** The item page: the guide in plain words, the materials, the FAQ; start, or print the one-time notification. */
export function ItemScreen({ itemCode, onStart }: { itemCode: string; onStart: () => void }) {
  const { t, i18n } = useTranslation('screens');
  const { client } = useKiosk();
  const item = useCatalogItem(itemCode);
  const live = useLiveStatus();
  const { readiness, known } = useItemReadiness(item ?? UNKNOWN_ITEM);
  // The notification's job as the printer reports it: "printed" only once the paper is out.
  const notificationJob = usePrintJob();
  useInstruction(item ? t('item.instruction', { name: localised(item.name, i18n.language) }) : '');
  if (!item) return <main className="item-screen"><p role="alert">{t('catalog.missingItem')}</p></main>;
  const L = (text: { 'zh-CN': string; en: string }) => localised(text, i18n.language);
  const printerWorks = live.devices.some((d) => d.kind === 'receiptPrinter' && deviceUsable(d) && d.media !== 'absent');
  const canStart = item.type !== 'info' && readiness.state !== 'unavailable';

  const printing = printJobBusy(notificationJob.view);
  const printNotification = () => notificationJob.start(() => client.invoke('print.notification', { itemCode, language: i18n.language === 'en' ? 'en' : 'zh-CN' }));

  return (
    <main className="item-screen">
      <h1>{L(item.name)}</h1>
      <p className="item-screen__summary">{L(item.summary)}</p>
      <ReadinessBadge readiness={readiness} known={known} detailed />
      <div className="item-screen__actions">
        {item.type !== 'info' ? (
          <button type="button" className="button button--primary button--big" onClick={onStart} disabled={!canStart} data-action="start">
            {t('item.start')}
          </button>
        ) : null}
        <button type="button" className="button button--big" onClick={printNotification} disabled={!printerWorks || printing} data-action="print-notification">
          {printing ? t('item.printing') : t('item.printNotification')}
        </button>
      </div>
      {!printerWorks ? <p>{t('item.printerUnavailable')}</p> : null}
      <PrintJobStatus view={notificationJob.view} startingText={t('item.printing')} doneText={t('item.printed')} />
      {item.guide ? (
        <section className="guide" aria-labelledby="guide-heading">
          <h2 id="guide-heading">{t('item.guide')}</h2>
          <h3>{t('guide.conditions')}</h3>
          <ul>{item.guide.conditions.map((c, i) => <li key={i}>{L(c)}</li>)}</ul>
          <h3>{t('guide.materials')}</h3>
          <ul>{item.guide.materials.map((c, i) => <li key={i}>{L(c)}</li>)}</ul>
          <h3>{t('guide.steps')}</h3>
          <ol>{item.guide.steps.map((c, i) => <li key={i}>{L(c)}</li>)}</ol>
          <dl className="guide__facts">
            <dt>{t('guide.timeLimit')}</dt>
            <dd>{L(item.guide.timeLimit)}</dd>
            <dt>{t('guide.fee')}</dt>
            <dd>{L(item.guide.fee)}</dd>
            <dt>{t('guide.handledBy')}</dt>
            <dd>{L(item.guide.handledBy)}</dd>
            <dt>{t('guide.hotline')}</dt>
            <dd>{item.guide.hotline}</dd>
          </dl>
          <h3>{t('guide.basis')}</h3>
          <ul>{item.guide.basis.map((c, i) => <li key={i}>{L(c)}</li>)}</ul>
          <CountySettingsNote item={item} />
        </section>
      ) : null}
      {item.materials.length > 0 ? (
        <section aria-labelledby="materials-heading">
          <h2 id="materials-heading">{t('item.materialsToScan')}</h2>
          <ul>
            {item.materials.map((m) => (
              <li key={m.code}>
                {L(m.name)}
                {m.required ? ` (${t('item.required')})` : ` (${t('item.optional')})`}
                {m.note ? ` — ${L(m.note)}` : ''}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {item.faq.length > 0 ? (
        <section aria-labelledby="faq-heading">
          <h2 id="faq-heading">{t('item.faq')}</h2>
          {item.faq.map((f, i) => (
            <details key={i} className="faq">
              <summary>{L(f.question)}</summary>
              <p>{L(f.answer)}</p>
            </details>
          ))}
        </section>
      ) : null}
    </main>
  );
}
