import type { ReactNode, SelectHTMLAttributes } from 'react';

/** A drop-down of fixed choices (a role, a programme stage), each shown by `labelOf`; other props go to the select. */
export function ChoiceSelect<V extends string>({
  values,
  value,
  onChoose,
  labelOf,
  ...select
}: { values: readonly V[]; value: V; onChoose: (value: V) => void; labelOf: (value: V) => ReactNode } & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'value' | 'onChange'>) {
  return (
    <select value={value} onChange={(e) => onChoose(e.target.value as V)} {...select}>
      {values.map((v) => (
        <option key={v} value={v}>
          {labelOf(v)}
        </option>
      ))}
    </select>
  );
}
