import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** What the simulator says of one card reader: whether a card sits in it, whose, and the fault it plays. */
interface ReaderState {
  card: boolean;
  fault: string | null;
}

/**
 * One simulated card reader in the developer panel (ID card, social security card): what it holds, insert the
 * chosen sample resident's card, take it away, or make the reader misbehave. `reader` is null when this kiosk has no
 * such reader; undefined while the panel has not heard yet. `testId` names the section and prefixes its buttons'.
 */
export function SimulatedCardReader<F extends string>({
  testId,
  title,
  reader,
  holderName,
  faults,
  onInsert,
  onRemove,
  onFault,
  children,
}: {
  testId: { section: string; buttons: string };
  title: string;
  reader: ReaderState | null | undefined;
  holderName: string;
  faults: readonly F[];
  onInsert: () => void;
  onRemove: () => void;
  onFault: (fault: F | null) => void;
  /** Controls only this reader has (the social security card's PIN tries). */
  children?: ReactNode;
}) {
  const { t } = useTranslation('simulators');
  return (
    <section data-testid={testId.section}>
      <h3>{title}</h3>
      <p>{reader?.card ? t('devPanel.state.holding', { name: holderName }) : t('devPanel.state.empty')}</p>
      {reader === null ? <p>{t('devPanel.unavailable')}</p> : null}
      <button type="button" data-testid={`${testId.buttons}-insert`} onClick={onInsert}>
        {t('devPanel.insert')}
      </button>
      <button type="button" data-testid={`${testId.buttons}-remove`} onClick={onRemove}>
        {t('devPanel.remove')}
      </button>
      <label>
        {t('devPanel.fault')}
        <select value={reader?.fault ?? ''} onChange={(e) => onFault((e.target.value || null) as F | null)}>
          <option value="">{t('devPanel.noFault')}</option>
          {faults.map((f) => (
            <option key={f} value={f}>
              {t(`devPanel.faults.${f}`)}
            </option>
          ))}
        </select>
      </label>
      {children}
    </section>
  );
}
