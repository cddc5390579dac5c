import type { ReactNode } from 'react';

/**
 * One of a few choices, as large radio buttons (`.choices` in theme.css): a clerk's or resident's pick that a
 * keyboard-less touchscreen can make with one tap. `dataAttr` names the data attribute each button carries with its
 * value (e.g. `data-origin="phone"`), which the e2e tests press.
 */
export function ChoiceGroup<V extends string | number>({
  id,
  label,
  values,
  selected,
  onSelect,
  labelOf,
  dataAttr,
}: {
  /** The label paragraph's id; the group is labelled by it. */
  id: string;
  label: ReactNode;
  values: readonly V[];
  selected: V | null;
  onSelect: (value: V) => void;
  labelOf: (value: V) => ReactNode;
  dataAttr: `data-${string}`;
}) {
  return (
    <>
      <p id={id} className="field__label">
        {label}
      </p>
      <div className="choices" role="radiogroup" aria-labelledby={id}>
        {values.map((v) => (
          <button key={v} type="button" role="radio" aria-checked={selected === v} className="button choice" onClick={() => onSelect(v)} {...{ [dataAttr]: v }}>
            {labelOf(v)}
          </button>
        ))}
      </div>
    </>
  );
}
