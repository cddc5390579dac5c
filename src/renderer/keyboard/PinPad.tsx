import { useTranslation } from 'react-i18next';
import { OnScreenKeyboard } from './OnScreenKeyboard';

/**
 * The on-screen PIN pad: six digits shown as dots, never as numbers, and the digit keys. The PIN lives only in the
 * caller's state until it is sent to the card reader.
 */
export function PinPad({ label, value, onChange, length = 6 }: { label: string; value: string; onChange: (v: string) => void; length?: number }) {
  const { t } = useTranslation('screens');
  return (
    <div className="pin-pad">
      <p className="field__label" id="pin-label">
        {label}
      </p>
      <p className="pin-pad__dots" role="img" aria-labelledby="pin-label" aria-description={t('card.pinEntered', { count: value.length, length })} data-pin-length={value.length}>
        {Array.from({ length }, (_, i) => (
          <span key={i} className={i < value.length ? 'pin-pad__dot pin-pad__dot--filled' : 'pin-pad__dot'} />
        ))}
      </p>
      <OnScreenKeyboard mode="digits" value={value} onChange={(v) => onChange(v.replace(/\D/g, '').slice(0, length))} maxLength={length} />
    </div>
  );
}
