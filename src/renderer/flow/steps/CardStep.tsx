import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CardOperation, CatalogItem } from '../../../shared/catalog/schema';
import type { FormValues } from '../../../shared/catalog/validate-form';
import { useKiosk } from '../../app/kiosk-context';
import { PinPad } from '../../keyboard/PinPad';
import { ErrorMessage } from '../../screens/ErrorMessage';
import type { FaceResult, SubmissionReceipt } from '../flow-state';
import { asKioskError, useKioskError } from '../../hooks/use-kiosk-error';
import { runCardOperation, pinsNeeded, isTooSimplePin, onCardInHand, type PinName } from '../card-operations';
import { StepForward } from './StepForward';

/**
 * A card item's operation: the PINs it needs on the on-screen PIN pad (never shown, never stored), the operation on
 * the card reader where the card itself changes, then the record handed in to the county, whose receipt follows.
 * A wrong PIN says how many tries are left.
 */
export function CardStep({ item, values, face, onSubmitted }: { item: CatalogItem; values: FormValues; face: FaceResult | null; onSubmitted: (s: SubmissionReceipt) => void }) {
  const { t } = useTranslation('screens');
  const { client } = useKiosk();
  const operation = (typeof values.operation === 'string' && item.cardOperations.includes(values.operation as CardOperation)
    ? values.operation
    : item.cardOperations[0]!) as CardOperation;
  const needed = pinsNeeded(operation);
  const [pins, setPins] = useState<Record<string, string>>({});
  const [active, setActive] = useState<PinName | null>(needed[0] ?? null);
  const [problem, setProblem] = useState<string | null>(null);
  const { error, fail, clear } = useKioskError();
  const [working, setWorking] = useState(false);

  // A full PIN moves the pad on to the next one still empty, so the resident never hunts for it.
  const enter = (name: PinName, value: string) => {
    const next = { ...pins, [name]: value };
    setPins(next);
    if (value.length === 6) setActive(needed.find((p) => p !== name && (next[p] ?? '').length !== 6) ?? null);
  };

  const confirm = () => {
    setProblem(null);
    clear();
    if (needed.some((p) => (pins[p] ?? '').length !== 6)) {
      setActive(needed.find((p) => (pins[p] ?? '').length !== 6)!);
      return;
    }
    if (needed.includes('repeatPin') && pins.newPin !== pins.repeatPin) {
      setProblem(t('card.pinMismatch'));
      setPins((p) => ({ ...p, newPin: '', repeatPin: '' }));
      setActive('newPin');
      return;
    }
    if (pins.newPin && isTooSimplePin(pins.newPin)) {
      setProblem(t('card.pinTooSimple'));
      setPins((p) => ({ ...p, newPin: '', repeatPin: '' }));
      setActive('newPin');
      return;
    }
    setWorking(true);
    runCardOperation(client, item, operation, pins, values, face).then(
      (receipt) => {
        setPins({});
        onSubmitted(receipt);
      },
      (e: unknown) => {
        setWorking(false);
        setPins({});
        setActive(needed[0] ?? null);
        const failure = asKioskError(e);
        const triesLeft = failure.details?.triesLeft;
        if (failure.code === 'pin_wrong' && typeof triesLeft === 'number') setProblem(t('card.attemptsLeft', { count: triesLeft }));
        else fail(failure);
      },
    );
  };

  return (
    <section className="card-step" aria-labelledby="card-title">
      <h2 id="card-title">{t(`card.operation.${operation}`)}</h2>
      <p>{t(`card.explain.${operation}`)}</p>
      {onCardInHand(operation) ? <p data-card-in-hand="true">{t('catalog:identity.insertOwnCard')}</p> : null}
      {needed.map((name) => (
        <div key={name} className={name === active ? 'card-step__pin card-step__pin--active' : 'card-step__pin'}>
          {name === active ? (
            <div data-pin-active={name}>
              <PinPad label={t(`card.${name}`)} value={pins[name] ?? ''} onChange={(v) => enter(name, v)} />
            </div>
          ) : (
            <button type="button" className="button" data-pin-pad={name} onClick={() => setActive(name)}>
              {t(`card.${name}`)} {(pins[name] ?? '').length === 6 ? '✓' : ''}
            </button>
          )}
        </div>
      ))}
      {problem ? (
        <p className="field__problem" role="alert" data-card-problem="true">
          {problem}
        </p>
      ) : null}
      {error ? <ErrorMessage error={error} /> : null}
      {working ? <p role="status">{t('card.working')}</p> : null}
      <StepForward action="card-confirm" onClick={confirm} disabled={working}>
        {t('card.confirm')}
      </StepForward>
    </section>
  );
}
