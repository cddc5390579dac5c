import { memo, useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InquiryView } from '../../shared/contract/methods/inquiries';
import type { Language } from '../../shared/locales';
import { useKiosk } from '../app/kiosk-context';
import { useCatalog } from '../catalog/catalog-context';
import { OnScreenKeyboard } from '../keyboard/OnScreenKeyboard';
import { ChoiceGroup } from '../screens/ChoiceGroup';
import { Register } from './Register';
import { useReloadOn } from '../hooks/use-reload-on';
import { useKioskError } from '../hooks/use-kiosk-error';
import { useStaff } from './staff-context';
import { pointDateTime } from '../../shared/domain/point-day';

const OUTCOMES = ['answered', 'handledHere', 'slipPrinted', 'referred', 'caseOpened'] as const;
const ORIGINS = ['phone', 'window', 'kiosk', 'homeVisit'] as const;
const DUES = ['today', 'threeDays', 'sevenDays'] as const;

/** Local time of an ISO instant, as the point reads clocks (China time). */
/**
 * 首问负责: the register of contacts. Open ones first (mine past their promised time at the top, flagged in words),
 * help calls nobody took yet, then the rest; the owner closes each with what was done. New contacts are recorded on
 * the on-screen keyboard; the month exports as xlsx for the township.
 */
export function InquiryRegister() {
  const { t, i18n } = useTranslation('staff');
  const { client } = useKiosk();
  const { staff } = useStaff();
  const [list, setList] = useState<InquiryView[] | null>(null);
  const { error, fail, clear } = useKioskError();
  const [adding, setAdding] = useState(false);
  const [origin, setOrigin] = useState<(typeof ORIGINS)[number]>('phone');
  const [due, setDue] = useState<(typeof DUES)[number]>('today');
  const [topic, setTopic] = useState('');
  // The service asked about, when it is a listed one (its 一次性告知 slip can then be printed on closing).
  const [itemCode, setItemCode] = useState('');
  const { items } = useCatalog();
  const [exported, setExported] = useState<number | null>(null);
  const [printed, setPrinted] = useState<'receipt' | 'a4' | null>(null);
  const reload = useCallback(() => {
    client.invoke('inquiries.list', {}).then((r) => setList(r.inquiries), fail);
  }, [client, fail]);
  useReloadOn(client, ['help.requested', 'help.answered'], reload);

  const act = useCallback(
    (p: Promise<unknown>) => {
      clear();
      p.then(reload, fail);
    },
    [clear, reload, fail],
  );
  const add = () => {
    if (!topic.trim() && !itemCode) return;
    act(
      client.invoke('inquiries.open', { origin, due, ...(topic.trim() ? { topic: topic.trim() } : {}), ...(itemCode ? { itemCode } : {}) }).then(() => {
        setTopic('');
        setItemCode('');
        setAdding(false);
      }),
    );
  };
  const printRegister = (paper: 'receipt' | 'a4') => {
    setPrinted(null);
    client.invoke('inquiries.print', { language: i18n.language === 'en' ? 'en' : 'zh-CN', paper }).then(() => setPrinted(paper), fail);
  };
  const exportMonth = () => {
    const month = pointDateTime(new Date().toISOString()).slice(0, 7);
    client.invoke('inquiries.export', { month }).then((out) => {
      const bytes = Uint8Array.from(atob(out.xlsxBase64), (c) => c.charCodeAt(0));
      const url = URL.createObjectURL(new Blob([bytes], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = out.filename;
      a.click();
      window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setExported(out.rows);
    }, fail);
  };
  return (
    <Register
      titleId="register-title"
      title={t('register.title')}
      error={error}
      data-register
      newEntry={{ label: t('register.new'), open: adding, onToggle: () => setAdding((a) => !a), dataAttr: 'data-register-new' }}
      actions={
        <>
          <button type="button" className="button" onClick={exportMonth} data-register-export>
            {t('register.export')}
          </button>
          <button type="button" className="button" onClick={() => printRegister('receipt')} data-register-print>
            {t('register.print')}
          </button>
          <button type="button" className="button" onClick={() => printRegister('a4')} data-register-print-a4>
            {t('register.printA4')}
          </button>
        </>
      }
    >
      {printed ? (
        <p role="status" data-register-printed={printed}>
          {t(printed === 'a4' ? 'register.printedA4' : 'register.printed')}
        </p>
      ) : null}
      {exported !== null ? <p role="status">{t('register.exported', { rows: exported })}</p> : null}
      {adding ? (
        <div className="register__form" data-register-form>
          <ChoiceGroup id="origin-label" label={t('register.originLabel')} values={ORIGINS} selected={origin} onSelect={setOrigin} labelOf={(o) => t(`register.origin.${o}`)} dataAttr="data-origin" />
          <label className="field">
            <span className="field__label">{t('register.itemLabel')}</span>
            <select className="field__input" value={itemCode} onChange={(e) => setItemCode(e.target.value)} data-register-item>
              <option value="">{t('register.noItem')}</option>
              {items.map((item) => (
                <option key={item.code} value={item.code}>
                  {item.name[i18n.language as Language]}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span className="field__label">{t('register.topicLabel')}</span>
            <input className="field__input field__input--active" value={topic} readOnly inputMode="none" data-register-topic />
          </label>
          <OnScreenKeyboard mode="chinese" value={topic} onChange={setTopic} maxLength={200} />
          <ChoiceGroup id="due-label" label={t('register.dueLabel')} values={DUES} selected={due} onSelect={setDue} labelOf={(d) => t(`register.due.${d}`)} dataAttr="data-due" />
          <button type="button" className="button button--primary" disabled={!topic.trim() && !itemCode} onClick={add} data-register-save>
            {t('register.save')}
          </button>
        </div>
      ) : null}
      {list === null ? null : list.length === 0 ? <p>{t('register.empty')}</p> : <RegisterRows list={list} staffId={staff?.id ?? null} act={act} />}
    </Register>
  );
}

/**
 * The register's rows, drawn again only when the list (or who is looking) changes: a touch elsewhere on the
 * workspace (opening the form, typing a topic) does not redraw hundreds of rows.
 */
const RegisterRows = memo(function RegisterRows({ list, staffId, act }: { list: InquiryView[]; staffId: string | null; act: (p: Promise<unknown>) => void }) {
  const { t, i18n } = useTranslation('staff');
  const { client } = useKiosk();
  const { items } = useCatalog();
  const topicOf = (i: InquiryView) => {
    if (i.topic) return i.topic;
    const item = i.itemCode ? items.find((x) => x.code === i.itemCode) : undefined;
    if (item) return item.name[i18n.language as Language];
    return i.origin === 'helpButton' ? t('register.helpCallTopic') : '';
  };
  return (
    <ul className="register__list">
      {list.map((i) => (
        <li key={i.id} className={`register__row${i.overdue ? ' register__row--overdue' : ''}`} data-inquiry={i.id} data-inquiry-state={i.closedAt ? 'closed' : i.overdue ? 'overdue' : 'open'}>
          <p className="register__what">
            {i.overdue ? <strong className="register__flag">{t('register.overdue')} </strong> : null}
            <span>{topicOf(i)}</span>
          </p>
          <p className="register__meta">
            {t('register.meta', {
              time: pointDateTime(i.openedAt),
              origin: t(`register.origin.${i.origin}`),
              owner: i.ownerName ?? t('register.nobody'),
              due: i.dueAt ? pointDateTime(i.dueAt) : '—',
            })}
          </p>
          {i.closedAt && i.outcome ? <p>{t('register.closedWith', { outcome: t(`register.outcome.${i.outcome}`), time: pointDateTime(i.closedAt) })}</p> : null}
          {!i.closedAt && i.ownerId === null ? (
            <button type="button" className="button" onClick={() => act(client.invoke('inquiries.take', { id: i.id }))} data-inquiry-take>
              {t('register.take')}
            </button>
          ) : null}
          {!i.closedAt && i.ownerId !== null && i.ownerId === staffId ? (
            <div className="choices" role="group" aria-label={t('register.closeAs')}>
              {/* The slip is an item's: only an inquiry about a listed service can close by printing it. */}
              {OUTCOMES.filter((o) => o !== 'slipPrinted' || i.itemCode !== null).map((o) => (
                <button
                  key={o}
                  type="button"
                  className="button"
                  onClick={() => act(client.invoke('inquiries.close', { id: i.id, outcome: o, ...(o === 'slipPrinted' ? { language: i18n.language === 'en' ? 'en' : 'zh-CN' } : {}) }))}
                  data-inquiry-close={o}
                >
                  {t(`register.outcome.${o}`)}
                </button>
              ))}
            </div>
          ) : null}
        </li>
      ))}
    </ul>
  );
});
