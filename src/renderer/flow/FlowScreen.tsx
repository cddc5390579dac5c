import { useMemo, useReducer } from 'react';
import { useTranslation } from 'react-i18next';
import type { FormValues } from '../../shared/catalog/validate-form';
import { localised, useCatalogItem } from '../catalog/catalog-context';
import { useInstruction } from '../speech/instruction-context';
import { planFlow, stepKey, type PlannedScreen } from './plan';
import { flowReducer, initialFlowState } from './flow-state';
import { IdentifyStep } from './steps/IdentifyStep';
import { FormPage } from './steps/FormPage';
import { MaterialsStep } from './steps/MaterialsStep';
import { FaceStep } from './steps/FaceStep';
import { ReviewStep } from './steps/ReviewStep';
import { ReceiptStep } from './steps/ReceiptStep';
import { LookupStep } from './steps/LookupStep';
import { CardStep } from './steps/CardStep';

/**
 * The one flow engine: it runs any item from its catalogue record (see plan.ts). Everything the resident hands
 * in lives in this component's state, so ending the visit (which unmounts it) drops it.
 */
export function FlowScreen({ itemCode, onIdentified, onFinish }: { itemCode: string; onIdentified: (viaCard: boolean) => void; onFinish: () => void }) {
  const { t, i18n } = useTranslation('screens');
  const item = useCatalogItem(itemCode);
  const [state, dispatch] = useReducer(flowReducer, initialFlowState);
  const steps = useMemo(() => (item ? planFlow(item, state.values as FormValues) : []), [item, state.values]);
  const index = Math.min(state.stepIndex, Math.max(steps.length - 1, 0));
  const step: PlannedScreen | undefined = steps[index];
  useInstruction(step ? t(`flow.instruction.${step.kind}`) : '');
  if (!item) return <main className="flow"><p role="alert">{t('catalog.missingItem')}</p></main>;
  const next = () => dispatch({ type: 'goto', stepIndex: index + 1 });
  const previous = () => dispatch({ type: 'goto', stepIndex: Math.max(0, index - 1) });
  // Once submitted (or the card changed), going back would invite a second submission.
  const canGoBack = index > 0 && !state.submission && step?.kind !== 'receipt' && steps[index - 1]?.kind !== 'identify';

  let body;
  switch (step?.kind) {
    case 'identify':
      body = (
        <IdentifyStep
          item={item}
          onIdentified={(resident) => {
            dispatch({ type: 'identified', resident });
            onIdentified(resident.source !== 'typedByClerk');
            next();
          }}
        />
      );
      break;
    case 'form':
      body = <FormPage key={step.page} item={item} page={step.page} values={state.values} onChange={(name, value) => dispatch({ type: 'value', name, value })} onNext={next} />;
      break;
    case 'materials':
      body = <MaterialsStep item={item} values={state.values} attachments={state.attachments} dispatch={dispatch} onNext={next} />;
      break;
    case 'face':
      body = <FaceStep purpose={item.facePurpose} onCaptured={(face) => { dispatch({ type: 'face', face }); next(); }} />;
      break;
    case 'review':
      body = <ReviewStep item={item} state={state} onSubmitted={(submission) => { dispatch({ type: 'submitted', submission }); next(); }} />;
      break;
    case 'receipt':
      body = state.submission ? <ReceiptStep item={item} submission={state.submission} cardOperation={item.type === 'card' ? String(state.values.operation ?? '') : undefined} onFinish={onFinish} /> : null;
      break;
    case 'lookup':
      body = <LookupStep item={item} values={state.values} onFinish={onFinish} />;
      break;
    case 'card':
      body = <CardStep item={item} values={state.values} face={state.face} onSubmitted={(submission) => { dispatch({ type: 'submitted', submission }); next(); }} />;
      break;
    case undefined:
      body = <p>{t('flow.nothingToDo')}</p>;
      break;
  }

  return (
    <main className="flow" data-flow={item.code} data-step={step ? stepKey(step) : 'none'}>
      <h1>{localised(item.name, i18n.language)}</h1>
      <ol className="flow__progress" aria-label={t('flow.progress')}>
        {steps.map((s, i) => (
          <li key={stepKey(s)} aria-current={i === index ? 'step' : undefined} className={i < index ? 'done' : undefined}>
            {t(`flow.stepName.${s.kind}`)}
          </li>
        ))}
      </ol>
      {state.resident ? (
        <p className="flow__resident" data-testid="resident-masked">
          {t('flow.residentMasked', { name: state.resident.maskedName, idNumber: state.resident.maskedIdNumber })}
        </p>
      ) : null}
      {body}
      {canGoBack ? (
        <button type="button" className="button flow__previous" onClick={previous}>
          {t('flow.previous')}
        </button>
      ) : null}
    </main>
  );
}
