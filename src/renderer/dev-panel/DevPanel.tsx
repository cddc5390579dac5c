import { useCallback, useState } from 'react';
import { useAliveEffect } from '../hooks/use-alive-effect';
import { useTranslation } from 'react-i18next';
import type { MethodResult } from '../../shared/contract';
import { KioskError } from '../../shared/contract/errors';
import { useKiosk } from '../app/kiosk-context';
import { OutputDevicesPanel } from './OutputDevicesPanel';
import { SimulatedCardReader } from './SimulatedCardReader';

type Samples = MethodResult<'dev.samples'>['residents'];
type CardsState = MethodResult<'dev.cards.state'>;

// Kept apart from the resident screens: a small box in a corner that the theme does not need to know about.
const PANEL_STYLE = { position: 'fixed', right: 8, bottom: 8, zIndex: 1000, maxWidth: 360, padding: 12, background: 'var(--dev-bg)', border: '2px dashed var(--dev-border)', fontSize: 14 } as const;
const TOGGLE_STYLE = { position: 'fixed', right: 8, bottom: 8, zIndex: 1000, fontSize: 12, opacity: 0.8 } as const;

const ID_FAULTS = ['wrongChecksum', 'garbage', 'silence', 'slow', 'removeMidRead', 'samFailure'] as const;
const SS_FAULTS = ['wrongChecksum', 'garbage', 'silence', 'slow', 'removeMidRead', 'mute'] as const;
const READER_TEST_IDS = { idCard: { section: 'dev-id-card', buttons: 'dev-id' }, ssCard: { section: 'dev-ss-card', buttons: 'dev-ss' } };

/**
 * The developer panel for simulated card readers: pick a made-up sample resident, lay their ID card on the reader or
 * insert their social security card, take it away, or make a reader misbehave. Mounted by the app only when
 * site.info says the kiosk is simulated (the dev.* methods answer forbidden otherwise).
 */
export function DevPanel() {
  const { t } = useTranslation('simulators');
  const { client } = useKiosk();
  const [open, setOpen] = useState(false);
  const [samples, setSamples] = useState<Samples>([]);
  const [state, setState] = useState<CardsState | null>(null);
  const [resident, setResident] = useState(0);
  const [error, setError] = useState<string | null>(null);

  const refresh = useCallback(() => {
    client.invoke('dev.cards.state', {}).then(setState, (e: unknown) => setError(e instanceof KioskError ? e.code : 'internal'));
  }, [client]);

  useAliveEffect((alive) => {
    if (!open) return;
    client.invoke('dev.samples', {}).then(
      (r) => alive() && setSamples(r.residents),
      (e: unknown) => alive() && setError(e instanceof KioskError ? e.code : 'internal'),
    );
    refresh();
  }, [client, open, refresh]);

  const act = (work: () => Promise<unknown>) => {
    setError(null);
    work().then(refresh, (e: unknown) => setError(e instanceof KioskError ? e.code : 'internal'));
  };
  const nameOf = (index: number | null) => samples.find((s) => s.index === index)?.name ?? String(index ?? '');
  /** What both simulated readers show and do alike: whose card is in, lay the chosen resident's card in, take it out. */
  const cardIn = (reader: 'idCard' | 'ssCard') => ({
    testId: READER_TEST_IDS[reader],
    title: t(`devPanel.${reader}`),
    reader: state ? state[reader] : undefined,
    holderName: nameOf(state?.[reader]?.residentIndex ?? null),
    onInsert: () => act(() => client.invoke(`dev.${reader}.insert`, { residentIndex: resident })),
    onRemove: () => act(() => client.invoke(`dev.${reader}.remove`, {})),
  });

  if (!open) {
    return (
      <button type="button" className="dev-panel__toggle" style={TOGGLE_STYLE} data-testid="dev-panel-toggle" onClick={() => setOpen(true)}>
        {t('devPanel.title')}
      </button>
    );
  }
  return (
    <aside className="dev-panel" style={PANEL_STYLE} aria-label={t('devPanel.title')} data-testid="dev-panel">
      <header className="dev-panel__header">
        <h2>{t('devPanel.title')}</h2>
        <button type="button" onClick={() => setOpen(false)} aria-label="×">
          ×
        </button>
      </header>
      <label>
        {t('devPanel.resident')}
        <select data-testid="dev-resident" value={resident} onChange={(e) => setResident(Number(e.target.value))}>
          {samples.map((s) => (
            <option key={s.index} value={s.index}>
              {`${s.index} · ${s.name} · ${s.note}`}
            </option>
          ))}
        </select>
      </label>

      <SimulatedCardReader
        {...cardIn('idCard')}
        faults={ID_FAULTS}
        onFault={(fault) => act(() => client.invoke('dev.idCard.fault', { fault }))}
      />
      <SimulatedCardReader
        {...cardIn('ssCard')}
        faults={SS_FAULTS}
        onFault={(fault) => act(() => client.invoke('dev.ssCard.fault', { fault }))}
      >
        <label>
          {t('devPanel.pinTries')}
          <select
            value={state?.ssCard?.pinTries ?? 3}
            disabled={!state?.ssCard?.card}
            onChange={(e) => act(() => client.invoke('dev.ssCard.fault', { fault: (state?.ssCard?.fault ?? null) as (typeof SS_FAULTS)[number] | null, pinTries: Number(e.target.value) }))}
          >
            {[3, 2, 1, 0].map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </label>
      </SimulatedCardReader>
      <OutputDevicesPanel />
      {error ? (
        <p role="alert" className="dev-panel__error">
          {t(`errors:${error}.title`)}
        </p>
      ) : null}
    </aside>
  );
}
