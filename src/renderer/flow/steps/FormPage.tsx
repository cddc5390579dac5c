import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CatalogItem, Field } from '../../../shared/catalog/schema';
import { isFieldVisible, validateField, type FieldProblem, type FormValues } from '../../../shared/catalog/validate-form';
import { localised } from '../../catalog/catalog-context';
import { OnScreenKeyboard } from '../../keyboard/OnScreenKeyboard';
import { formatDateDigits, keyboardFor, maxLengthFor } from '../field-keyboard';
import { StepForward } from './StepForward';
import { TickBox } from '../../screens/TickBox';

/**
 * One page of an item's form: a few big fields, checked as they are typed with CATALOG's rules, the reason shown
 * in words under the field. "Next" checks the whole page and moves the keyboard to the first field in trouble.
 */
export function FormPage({
  item,
  page,
  values,
  onChange,
  onNext,
}: {
  item: CatalogItem;
  page: number;
  values: FormValues;
  onChange: (name: string, value: string | boolean | null) => void;
  onNext: () => void;
}) {
  const { t, i18n } = useTranslation(['screens', 'catalog']);
  const L = (text: { 'zh-CN': string; en: string }) => localised(text, i18n.language);
  const step = item.form[page]!;
  const fields = step.fields.filter((f) => isFieldVisible(f, values));
  const [active, setActive] = useState<string | null>(() => fields.find((f) => keyboardFor(f) !== null)?.name ?? null);
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const problemOf = (field: Field): FieldProblem | null => validateField(field, values[field.name], values);
  const activeField = fields.find((f) => f.name === active) ?? null;
  const mode = activeField ? keyboardFor(activeField) : null;

  const setValue = (field: Field, value: string | boolean | null) => {
    setTouched((s) => new Set(s).add(field.name));
    onChange(field.name, field.kind === 'date' && typeof value === 'string' ? formatDateDigits(value) : value);
  };

  const next = () => {
    const troubled = fields.filter((f) => problemOf(f) !== null);
    setTouched(new Set(fields.map((f) => f.name)));
    if (troubled.length === 0) onNext();
    else if (keyboardFor(troubled[0]!) !== null) setActive(troubled[0]!.name);
  };

  const problemText = (problem: FieldProblem) => {
    const key = problem.messageKey.includes(':') ? problem.messageKey : `catalog:${problem.messageKey}`;
    return t(key, problem.params ?? {});
  };

  return (
    <section className="form-page" aria-labelledby="form-page-title">
      <h2 id="form-page-title">{L(step.title)}</h2>
      <div className="form-page__fields">
        {fields.map((field) => {
          const problem = touched.has(field.name) ? problemOf(field) : null;
          const id = `field-${field.name}`;
          const described = problem ? `${id}-problem` : field.hint ? `${id}-hint` : undefined;
          const label = (
            <span className="field__label">
              {L(field.label)}
              {field.required ? <span className="field__required">{t('form.requiredMark')}</span> : null}
            </span>
          );
          let control;
          if (field.kind === 'choice') {
            control = (
              <div className="choices" role="radiogroup" aria-labelledby={`${id}-label`} data-choices={field.name}>
                {field.options.map((o) => (
                  <button key={o.value} type="button" role="radio" aria-checked={values[field.name] === o.value} className="button choice" data-choice={o.value} onClick={() => setValue(field, o.value)}>
                    {L(o.label)}
                  </button>
                ))}
              </div>
            );
          } else if (field.kind === 'confirm') {
            control = (
              <TickBox ticked={values[field.name] === true} onChange={(ticked) => setValue(field, ticked)} describedBy={described} data={{ 'data-confirm': field.name }}>
                {L(field.statement)}
              </TickBox>
            );
          } else {
            control = (
              <input
                id={id}
                className={`field__input${active === field.name ? ' field__input--active' : ''}`}
                value={String(values[field.name] ?? '')}
                readOnly
                inputMode="none"
                aria-invalid={problem !== null}
                aria-describedby={described}
                data-field={field.name}
                onFocus={() => setActive(field.name)}
                onClick={() => setActive(field.name)}
              />
            );
          }
          return (
            <div key={field.name} className="field" data-field-kind={field.kind}>
              {field.kind === 'choice' || field.kind === 'confirm' ? <span id={`${id}-label`}>{label}</span> : <label htmlFor={id}>{label}</label>}
              {control}
              {field.hint && !problem ? <span id={`${id}-hint`} className="field__hint">{L(field.hint)}</span> : null}
              {problem ? (
                <span id={`${id}-problem`} className="field__problem" role="alert" data-problem={field.name}>
                  {problemText(problem)}
                </span>
              ) : null}
            </div>
          );
        })}
      </div>
      {activeField && mode ? (
        <OnScreenKeyboard
          key={activeField.name}
          mode={mode}
          value={String(values[activeField.name] ?? '')}
          onChange={(v) => setValue(activeField, v)}
          maxLength={maxLengthFor(activeField)}
        />
      ) : null}
      <StepForward action="next" onClick={next}>
        {t('flow.next')}
      </StepForward>
    </section>
  );
}
