import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CASE_PROMISED_DAYS } from '../../shared/cases/case-record';
import type { CaseView } from '../../shared/contract/methods/cases';
import type { ResidentSummary } from '../../shared/domain/identity';
import { useKiosk } from '../app/kiosk-context';
import { localised, useCatalog } from '../catalog/catalog-context';
import { ChoiceGroup } from '../screens/ChoiceGroup';
import { Register } from './Register';
import { useReloadOn } from '../hooks/use-reload-on';
import { useReloadWhenDue } from '../hooks/use-reload-when-due';
import { useKioskError } from '../hooks/use-kiosk-error';
import { TypedIdEntry } from './TypedIdEntry';
import { pointDateTime } from '../../shared/domain/point-day';
import { TickBox } from '../screens/TickBox';

const CONSENTS = ['inPerson', 'signedForm'] as const;

/**
 * 全程代办: the clerk opens a case for the resident identified in this visit (card on the reader, or the number typed
 * by the clerk), with the resident's consent, the paper materials received and the promised time; sends it to the
 * township; sends it again with what a return asked for; and, once it is finished, prints the handover receipt and
 * records the resident's signature. Every step and who made it is listed; overdue cases are flagged in words.
 */
export function CasesPanel() {
  const { t, i18n } = useTranslation('cases');
  const { client } = useKiosk();
  const { items } = useCatalog();
  const { error, fail, clear } = useKioskError();
  const [cases, setCases] = useState<CaseView[] | null>(null);
  const [resident, setResident] = useState<ResidentSummary | null>(null);
  const [opening, setOpening] = useState(false);
  const [itemCode, setItemCode] = useState('');
  const [days, setDays] = useState<number>(10);
  const [consent, setConsent] = useState<(typeof CONSENTS)[number]>('inPerson');
  const [materials, setMaterials] = useState<string[]>([]);
  const [added, setAdded] = useState<Record<string, string[]>>({});
  const [note, setNote] = useState<string | null>(null);

  const reload = useCallback(() => {
    client.invoke('cases.list', {}).then((r) => setCases(r.cases), fail);
    client.invoke('session.current', {}).then(setResident, () => setResident(null));
  }, [client, fail]);
  // The list changes when a case step is queued or settled and when the county moves a case (records.changed); the
  // resident beside it with the session. A sync round that changed nothing changes neither.
  useReloadOn(client, ['session.changed', 'records.changed'], reload);
  useReloadWhenDue(cases, reload);

  const act = (p: Promise<unknown>, said?: string) => {
    clear();
    setNote(null);
    p.then(() => {
      if (said) setNote(said);
      reload();
    }, fail);
  };
  const item = items.find((i) => i.code === itemCode);
  const itemName = (code: string) => {
    const found = items.find((i) => i.code === code);
    return found ? localised(found.name, i18n.language) : code;
  };
  const materialName = (code: string, material: string) => {
    const m = items.find((i) => i.code === code)?.materials.find((x) => x.code === material);
    return m ? localised(m.name, i18n.language) : material;
  };
  const open = () => {
    if (!item) return;
    act(
      client.invoke('cases.open', { itemCode: item.code, consent, promisedDays: days, materials }).then(() => {
        setOpening(false);
        setMaterials([]);
        setItemCode('');
      }),
    );
  };
  const toggle = (list: string[], code: string, on: boolean) => (on ? [...list, code] : list.filter((c) => c !== code));

  return (
    <Register
      titleId="cases-title"
      title={t('title')}
      error={error}
      data-cases
      newEntry={{ label: t('open'), open: opening, onToggle: () => setOpening((o) => !o), dataAttr: 'data-case-new' }}
      actions={
        <button type="button" className="button" onClick={reload} data-cases-refresh>
          {t('refresh')}
        </button>
      }
    >
      {note ? (
        <p role="status" data-cases-note>
          {note}
        </p>
      ) : null}
      {opening ? (
        <div className="register__form" data-case-form>
          <h3>{t('openTitle')}</h3>
          {resident ? (
            <p data-case-resident>
              {t('common:labelled', { label: t('resident'), value: `${resident.maskedName} ${resident.maskedIdNumber}` })}
            </p>
          ) : (
            <>
              <p>{t('needResident')}</p>
              <TypedIdEntry onIdentified={setResident} onError={fail} />
            </>
          )}
          <label className="field">
            <span className="field__label">{t('item')}</span>
            <select
              className="field__input"
              value={itemCode}
              onChange={(e) => {
                setItemCode(e.target.value);
                setMaterials([]);
              }}
              data-case-item
            >
              <option value="">{t('itemPlaceholder')}</option>
              {items.map((i) => (
                <option key={i.code} value={i.code}>
                  {i.code} {localised(i.name, i18n.language)}
                </option>
              ))}
            </select>
          </label>
          {item?.guide ? <p data-case-time-limit>{t('timeLimit', { text: localised(item.guide.timeLimit, i18n.language) })}</p> : null}
          <ChoiceGroup id="case-days-label" label={t('promisedDays')} values={CASE_PROMISED_DAYS} selected={days} onSelect={setDays} labelOf={(d) => t('days', { count: d })} dataAttr="data-case-days" />
          <ChoiceGroup id="case-consent-label" label={t('consent')} values={CONSENTS} selected={consent} onSelect={setConsent} labelOf={(c) => t(`consentKind.${c}`)} dataAttr="data-case-consent" />
          {item ? (
            <fieldset className="case-materials">
              <legend>{t('materials')}</legend>
              {item.materials.length === 0 ? <p>{t('noMaterials')}</p> : null}
              {item.materials.map((m) => (
                <TickBox key={m.code} ticked={materials.includes(m.code)} onChange={(ticked) => setMaterials((all) => toggle(all, m.code, ticked))} data={{ 'data-case-material': m.code }}>
                  {localised(m.name, i18n.language)}
                </TickBox>
              ))}
            </fieldset>
          ) : null}
          <button type="button" className="button button--primary" disabled={!item || !resident} onClick={open} data-case-create>
            {t('create')}
          </button>
        </div>
      ) : null}
      <h3>{t('list')}</h3>
      {cases === null ? null : cases.length === 0 ? (
        <p>{t('empty')}</p>
      ) : (
        <ul className="register__list">
          {cases.map((c) => {
            const lastReturn = [...c.steps].reverse().find((s) => s.kind === 'return');
            const asked = c.state === 'returned' ? (lastReturn?.missing?.materials ?? []) : [];
            return (
              <li key={c.id} className={`register__row${c.overdue ? ' register__row--overdue' : ''}`} data-case={c.caseNumber} data-case-state={c.state}>
                <p className="register__what">
                  {c.overdue ? <strong className="register__flag">{t('overdue')} </strong> : null}
                  <span>
                    {itemName(c.itemCode)} · {c.caseNumber}
                  </span>
                </p>
                <p className="register__meta">
                  {t('common:labelled', { label: t('resident'), value: c.residentMasked })} · {t('common:labelled', { label: t('owner'), value: c.ownerName })} ·{' '}
                  {t('common:labelled', { label: t('dueAt'), value: pointDateTime(c.dueAt) })}
                </p>
                <p data-case-state-words>{t(`state.${c.state}`)}</p>
                {c.state === 'returned' && lastReturn?.missing ? <p data-case-missing>{t('missing', { text: localised(lastReturn.missing.text, i18n.language) })}</p> : null}
                <details>
                  <summary>{t('steps')}</summary>
                  <ol data-case-steps>
                    {c.steps.map((s) => (
                      <li key={s.id} data-case-step={s.kind}>
                        {pointDateTime(s.at)} {t(`step.${s.kind}`)} · {s.operatorName}
                      </li>
                    ))}
                  </ol>
                </details>
                {asked.length > 0 ? (
                  <fieldset className="case-materials">
                    <legend>{t('materials')}</legend>
                    {asked.map((m) => (
                      <TickBox key={m} ticked={(added[c.id] ?? []).includes(m)} onChange={(ticked) => setAdded((all) => ({ ...all, [c.id]: toggle(all[c.id] ?? [], m, ticked) }))} data={{ 'data-case-added': m }}>
                        {materialName(c.itemCode, m)}
                      </TickBox>
                    ))}
                  </fieldset>
                ) : null}
                <div className="choices">
                  {c.pointMoves.includes('send') ? (
                    <button
                      type="button"
                      className="button button--primary"
                      disabled={asked.length > 0 && asked.some((m) => !(added[c.id] ?? []).includes(m))}
                      onClick={() => act(client.invoke('cases.send', { id: c.id, ...(asked.length > 0 ? { materials: added[c.id] ?? [] } : {}) }), t('sentNote'))}
                      data-case-send
                    >
                      {c.state === 'returned' ? t('action.resend') : t('action.send')}
                    </button>
                  ) : null}
                  {c.pointMoves.includes('handBack') ? (
                    <>
                      <button type="button" className="button" onClick={() => act(client.invoke('cases.printHandover', { id: c.id, language: i18n.language === 'en' ? 'en' : 'zh-CN' }))} data-case-print>
                        {t('action.printHandover')}
                      </button>
                      <button type="button" className="button button--primary" onClick={() => act(client.invoke('cases.handBack', { id: c.id, residentSigned: true }), t('handedNote'))} data-case-handback>
                        {t('action.handBack')}
                      </button>
                    </>
                  ) : null}
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </Register>
  );
}
