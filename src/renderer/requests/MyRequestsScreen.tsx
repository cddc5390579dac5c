import { KioskError } from '../../shared/contract/errors';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CatalogItem } from '../../shared/catalog/schema';
import type { SubmissionStatus } from '../../shared/contract/methods/applications';
import type { ResidentCase } from '../../shared/contract/methods/cases';
import type { ResidentSummary } from '../../shared/domain/identity';
import type { Language } from '../../shared/locales';
import { useKiosk } from '../app/kiosk-context';
import { useLiveStatus } from '../readiness/readiness-context';
import { useCatalog } from '../catalog/catalog-context';
import { IdentifyStep } from '../flow/steps/IdentifyStep';
import { ErrorMessage } from '../screens/ErrorMessage';
import { useInstruction } from '../speech/instruction-context';
import { pointDateTime } from '../../shared/domain/point-day';
import { requestWord } from '../../shared/domain/request-state';
import { cardBlockWords } from '../../shared/domain/card-block';
import { asKioskError, useKioskError } from '../hooks/use-kiosk-error';
import { useReloadWhenDue } from '../hooks/use-reload-when-due';
import { CompleteReturned } from './CompleteReturned';

/** Any card identifies the resident here; a clerk may type the number. */
const IDENTITY: Pick<CatalogItem, 'identity'> = { identity: { required: true, accepts: ['idCard', 'socialSecurityCard', 'typedByClerk'], faceCheck: false } };

/** How long ago, in the words of the screen: minutes, hours or days. */
function age(t: (k: string, o?: Record<string, unknown>) => string, iso: string | null, now: number): string {
  if (!iso) return t('requests:county.never');
  const minutes = Math.max(0, Math.round((now - Date.parse(iso)) / 60_000));
  if (minutes < 60) return t('requests:county.minutes', { count: minutes, time: pointDateTime(iso) });
  if (minutes < 48 * 60) return t('requests:county.hours', { count: Math.round(minutes / 60), time: pointDateTime(iso) });
  return t('requests:county.days', { count: Math.round(minutes / 1440), time: pointDateTime(iso) });
}

/**
 * "Where is my request" (我的办件): with their card, a resident sees every application of theirs handed in at this
 * point, newest first, each in plain words, from what the kiosk knows (no county needed), and how old the county's
 * last word is.
 */
export function MyRequestsScreen({ onIdentified }: { onIdentified: () => void }) {
  const { t, i18n } = useTranslation('requests');
  const { client } = useKiosk();
  const { items } = useCatalog();
  const { devices } = useLiveStatus();
  const [resident, setResident] = useState<ResidentSummary | null>(null);
  const [list, setList] = useState<SubmissionStatus[] | null>(null);
  const [lastSyncAt, setLastSyncAt] = useState<string | null>(null);
  const [cases, setCases] = useState<ResidentCase[]>([]);
  const { error, fail } = useKioskError();
  const [printState, setPrintState] = useState<'idle' | 'printing' | 'done' | KioskError>('idle');
  // A returned application being completed here, and the one just sent again (said on screen).
  const [completing, setCompleting] = useState<SubmissionStatus | null>(null);
  const [resent, setResent] = useState<string | null>(null);
  useInstruction(resident ? t('instruction.list') : t('instruction.identify'));

  const load = useCallback(() => {
    client.invoke('applications.mine', { limit: 50 }).then((r) => setList(r.submissions), fail);
    client.invoke('cases.mine', { limit: 50 }).then((r) => setCases(r.cases), fail);
    client.invoke('sync.status', {}).then((s) => setLastSyncAt(s.lastSyncAt), () => undefined);
  }, [client, fail]);
  useEffect(() => {
    if (!resident) return;
    load();
    // While the resident looks: the list again when a record changed (queued, settled, a case moved) or an outcome
    // arrived; a sync round that changed nothing only makes the county's last word newer, taken from the event.
    const off = [
      client.on('records.changed', load),
      client.on('applications.outcome', load),
      client.on('sync.progress', (p) => setLastSyncAt(p.lastSyncAt)),
    ];
    return () => off.forEach((o) => o());
  }, [client, load, resident]);
  // A case of theirs turns overdue at its due time with no event: asked again then.
  useReloadWhenDue(resident ? cases : null, load);

  if (!resident) {
    return (
      <main className="requests" data-screen-part="identify">
        <h1>{t('title')}</h1>
        <IdentifyStep
          item={IDENTITY}
          onIdentified={(r) => {
            setResident(r);
            onIdentified();
          }}
        />
      </main>
    );
  }
  const print = (paper: 'receipt' | 'a4') => {
    setPrintState('printing');
    client.invoke('print.myRequests', { language: i18n.language === 'en' ? 'en' : 'zh-CN', paper }).then(
      () => setPrintState('done'),
      (e: unknown) => setPrintState(asKioskError(e)),
    );
  };
  // An A4 copy where the point has a document printer (the demonstration point; a village kiosk may not).
  const hasA4 = devices.some((d) => d.kind === 'documentPrinter');
  const name = (code: string) => items.find((i) => i.code === code)?.name[i18n.language as Language] ?? code;
  const lang = i18n.language as Language;
  if (completing) {
    return (
      <main className="requests" data-requests>
        <h1>{t('title')}</h1>
        <CompleteReturned
          request={completing}
          onCancel={() => setCompleting(null)}
          onSent={() => {
            setResent(completing.trackingNumber);
            setCompleting(null);
            load();
          }}
        />
      </main>
    );
  }
  // Only the newest answer of a card item speaks for the card's block (a later cancellation supersedes a report).
  const blocks = cardBlockWords(list ?? [], Date.now());
  return (
    <main className="requests" data-requests>
      <h1>{t('title')}</h1>
      <p>{t('whose', { name: resident.maskedName })}</p>
      <p className="requests__county" data-county-age>
        {age(t, lastSyncAt, Date.now())}
      </p>
      {error ? <ErrorMessage error={error} /> : null}
      {list === null ? null : list.length === 0 ? (
        <p data-requests-empty>{t('empty')}</p>
      ) : (
        <ol className="requests__list">
          {list.map((s) => {
            const word = requestWord(s);
            return (
              <li key={s.submissionId} className="requests__row" data-request={s.trackingNumber} data-request-state={word}>
                <h2 className="requests__item">{name(s.itemCode)}</h2>
                <p>{t('handedIn', { time: pointDateTime(s.submittedAt), tracking: s.trackingNumber })}</p>
                <p className="requests__state">
                  <strong>{t(`state.${word}`)}</strong>
                  {word === 'returned' && s.outcome?.missing ? <span> {s.outcome.missing.text[lang]}</span> : null}
                  {word === 'refused' && s.outcome?.reason ? <span> {s.outcome.reason[lang]}</span> : null}
                </p>
                {blocks.get(s.submissionId) ? (
                  <p data-block-lifts-at={blocks.get(s.submissionId)!.liftsAt}>
                    {t(`cardBlock.${blocks.get(s.submissionId)!.word}`, { time: pointDateTime(blocks.get(s.submissionId)!.liftsAt) })}
                  </p>
                ) : null}
                {s.outcome ? <p className="requests__when">{t('countySaid', { time: pointDateTime(s.outcome.at) })}</p> : null}
                {word === 'returned' && (s.outcome?.missing?.materials.length ?? 0) > 0 ? (
                  <button type="button" className="button button--primary button--big" onClick={() => setCompleting(s)} data-action="complete-returned">
                    {t('complete.open')}
                  </button>
                ) : null}
                {resent === s.trackingNumber && word === 'waiting' ? (
                  <p role="status" data-resent>
                    {t('complete.sent')}
                  </p>
                ) : null}
              </li>
            );
          })}
        </ol>
      )}
      {cases.length > 0 ? <ResidentCases cases={cases} name={name} /> : null}
      {list === null ? null : (
        <div className="flow__actions">
          <button type="button" className="button button--big" onClick={() => print('receipt')} disabled={printState === 'printing'} data-action="print-requests">
            {t('print')}
          </button>
          {hasA4 ? (
            <button type="button" className="button button--big" onClick={() => print('a4')} disabled={printState === 'printing'} data-action="print-requests-a4">
              {t('printA4')}
            </button>
          ) : null}
        </div>
      )}
      {printState === 'done' ? <p role="status" data-requests-printed>{t('printed')}</p> : null}
      {printState instanceof KioskError ? <ErrorMessage error={printState} /> : null}
    </main>
  );
}

/** The resident's 全程代办 cases in plain words (src/shared/cases): where each stands, overdue ones said so. */
function ResidentCases({ cases, name }: { cases: ResidentCase[]; name: (code: string) => string }) {
  const { t, i18n } = useTranslation('cases');
  const lang = i18n.language as Language;
  return (
    <section aria-labelledby="my-cases-title" data-my-cases>
      <h2 id="my-cases-title">{t('mine.title')}</h2>
      <ol className="requests__list">
        {cases.map((c) => (
          <li key={c.caseNumber} className="requests__row" data-my-case={c.caseNumber} data-my-case-state={c.state}>
            <h3 className="requests__item">{name(c.itemCode)}</h3>
            <p>{t('mine.number', { number: c.caseNumber, time: pointDateTime(c.openedAt) })}</p>
            <p className="requests__state">
              <strong>{t(`mine.state.${c.state}`)}</strong>
              {c.missing ? <span> {c.missing[lang]}</span> : null}
            </p>
            {c.overdue ? <p data-my-case-overdue>{t('mine.overdue')}</p> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
