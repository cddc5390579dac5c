import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CatalogItem } from '../../../shared/catalog/schema';
import type { FormValues } from '../../../shared/catalog/validate-form';
import type { MethodResult } from '../../../shared/contract';
import { useKiosk } from '../../app/kiosk-context';
import { useKioskError } from '../../hooks/use-kiosk-error';
import { ErrorMessage } from '../../screens/ErrorMessage';
import { PrintJobStatus } from '../../printing/PrintJobStatus';
import { printJobBusy, usePrintJob, type StartedJob } from '../../printing/use-print-job';
import { StepForward } from './StepForward';
import { pointDateTime } from '../../../shared/domain/point-day';

type Lookup = MethodResult<'queries.run'>;

/**
 * Query and print items: ask the county now. When the county cannot be reached the resident is told plainly,
 * with the hotline and when to come back, instead of a spinner that never ends.
 */
export function LookupStep({ item, values, onFinish }: { item: CatalogItem; values: FormValues; onFinish: () => void }) {
  const { t, i18n } = useTranslation('screens');
  const { client, site } = useKiosk();
  const [result, setResult] = useState<Lookup | null>(null);
  const { error, fail, clear } = useKioskError();
  // The slip's job as the printer reports it: "printed" only once the paper is out.
  const printJob = usePrintJob();

  const params: Record<string, string> = {};
  for (const [k, v] of Object.entries(values)) if (v !== undefined && v !== null) params[k] = String(v);
  const paramsKey = JSON.stringify(params);

  const run = useCallback(() => {
    clear();
    setResult(null);
    const language = i18n.language === 'en' ? 'en' : 'zh-CN';
    client.invoke('queries.run', { itemCode: item.code, params: JSON.parse(paramsKey) as Record<string, string>, language }).then(setResult, (e: unknown) =>
      fail(e),
    );
  }, [client, item.code, paramsKey, i18n.language, clear, fail]);

  useEffect(() => run(), [run]);

  // An A4 document is handed to the host printer before print.document answers (a refusal throws): done on answer.
  const handedToHost = (answer: Promise<{ jobId: string }>): Promise<StartedJob> => answer.then(({ jobId }) => ({ jobId, state: 'done', messageKey: 'printing:job.done' }));
  const print = (lookup: Lookup) => {
    const language = i18n.language === 'en' ? 'en' : 'zh-CN';
    // A certificate is printed from the county's own copy in the core (by its id), exactly as the county composed it.
    printJob.start(() =>
      item.type === 'print' && lookup.documentId
        ? handedToHost(client.invoke('print.document', { kind: 'certificate', itemCode: item.code, language, documentId: lookup.documentId }))
        : item.type === 'print'
        ? handedToHost(client.invoke('print.document', {
            kind: 'queryResult',
            itemCode: item.code,
            language,
            result: { fetchedAt: lookup.fetchedAt, ...(lookup.title ? { title: lookup.title } : {}), rows: lookup.rows },
          }))
        : client.invoke('print.queryResult', {
            itemCode: item.code,
            language,
            fetchedAt: lookup.fetchedAt,
            ...(lookup.title ? { title: lookup.title } : {}),
            rows: lookup.rows,
          }),
    );
  };

  const printListing = () => {
    const language = i18n.language === 'en' ? 'en' : 'zh-CN';
    printJob.start(() => client.invoke('print.listing', { itemCode: item.code, params: JSON.parse(paramsKey) as Record<string, string>, language }));
  };

  const hotline = item.guide?.hotline ?? site.consultationPhone;
  return (
    <section className="lookup" aria-labelledby="lookup-title">
      <h2 id="lookup-title">{item.type === 'print' ? t('lookup.titlePrint') : t('lookup.title')}</h2>
      {!result && !error ? <p role="status">{t('lookup.asking')}</p> : null}
      {error?.code === 'county_unreachable' ? (
        <div className="offline-notice" role="alert" data-offline="true">
          <p className="offline-notice__title">{t('lookup.offlineTitle')}</p>
          <p>{t('lookup.offlineWhat')}</p>
          <p>{t('lookup.offlineHotline', { hotline })}</p>
          <p>
            {t('lookup.offlineComeBack', {
              hours: site.officeHours
                .map((h) => `${t('common:attract.weekdays', { days: h.days.map((d) => t(`common:weekday.${d}`)).join(i18n.language === 'en' ? ', ' : '、') })} ${h.open}–${h.close}`)
                .join(i18n.language === 'en' ? '; ' : '；'),
            })}
          </p>
          <button type="button" className="button" onClick={run}>
            {t('lookup.retry')}
          </button>
        </div>
      ) : error ? (
        <ErrorMessage error={error} hotline={hotline} />
      ) : null}
      {result ? (
        <div className="lookup__result" data-testid="lookup-result">
          {result.title ? <h3>{result.title}</h3> : null}
          <p className="lookup__fetched">{t('lookup.fetchedAt', { at: pointDateTime(result.fetchedAt) })}</p>
          {result.cachedAt ? (
            <p className="banner banner--warning" role="status" data-testid="lookup-cached">
              {t('lookup.cached', { hours: Math.max(0, Math.floor((Date.now() - Date.parse(result.cachedAt)) / 3_600_000)), minutes: Math.max(0, Math.floor((Date.now() - Date.parse(result.cachedAt)) / 60_000) % 60) })}
            </p>
          ) : null}
          {result.rows.length === 0 && !result.document ? <p>{t('lookup.noRows')}</p> : null}
          {result.document ? (
            <article className="lookup__document" aria-label={result.document.title}>
              <h3>{result.document.title}</h3>
              {result.document.lines.map((line, i) => (
                <p key={i}>{line}</p>
              ))}
              {result.document.verification ? <p className="lookup__verify">{result.document.verification.note}</p> : null}
            </article>
          ) : null}
          {result.rows.map((row, i) => (
            <dl key={i} className="lookup__row">
              {Object.entries(row).map(([k, v]) => (
                <div key={k}>
                  <dt>{t(`lookup.column.${k}`, { defaultValue: k })}</dt>
                  <dd>{v}</dd>
                </div>
              ))}
            </dl>
          ))}
          {/* Printing a result is for an identified resident (the slip names them); public listings are read on screen. */}
          {item.identity.required ? (
            <div className="flow__actions">
              <button type="button" className="button button--big" onClick={() => print(result)} disabled={printJobBusy(printJob.view)} data-action="print-result">
                {item.type === 'print' ? t('lookup.printDocument') : t('lookup.printResult')}
              </button>
            </div>
          ) : item.offlineCache ? (
            // A public listing prints without identity, from the county's answer the core kept (nobody named on it).
            <div className="flow__actions">
              <button type="button" className="button button--big" onClick={printListing} disabled={printJobBusy(printJob.view)} data-action="print-listing">
                {t('lookup.printListing')}
              </button>
            </div>
          ) : (
            <p>{t('lookup.printNeedsIdentity')}</p>
          )}
          <PrintJobStatus view={printJob.view} startingText={t('lookup.printing')} doneText={t('lookup.printed')} />
        </div>
      ) : null}
      <StepForward action="finish" onClick={onFinish}>
        {t('receipt.finish')}
      </StepForward>
    </section>
  );
}
