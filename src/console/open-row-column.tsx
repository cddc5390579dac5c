import type { Column } from './DataTable';

/**
 * A desk's last column: one button a row that opens it in the detail below the table. `dataAttr` carries the row's
 * id for the tests (e.g. `data-open-case`); `ariaLabel` names the row, since every button says the same word.
 */
export function openRowColumn<T>({ label, text, ariaLabel, dataAttr, idOf, onOpen }: { label: string; text: string; ariaLabel: (row: T) => string; dataAttr: `data-${string}`; idOf: (row: T) => string; onOpen: (id: string) => void }): Column<T> {
  return {
    key: 'open',
    label,
    value: () => null,
    render: (row) => (
      <button type="button" className="button" aria-label={ariaLabel(row)} onClick={() => onOpen(idOf(row))} {...{ [dataAttr]: idOf(row) }}>
        {text}
      </button>
    ),
  };
}
