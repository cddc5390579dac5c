import { useId, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A file input in the console's own words. Chromium draws a bare <input type=file> with its own English "Choose File"
 * and "No file chosen" whatever the page's language, so the input is visually hidden (still focusable: Space or Enter
 * opens the chooser) and a label styled as a button, with the chosen file's name beside it, speaks for it.
 */
export function FileChooser({ name, accept, label, onChange }: { name: string; accept: string; label: string; onChange: (event: ChangeEvent<HTMLInputElement>) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [chosen, setChosen] = useState<string | null>(null);
  return (
    <div className="file-chooser">
      <input
        id={id}
        type="file"
        className="visually-hidden"
        name={name}
        accept={accept}
        aria-describedby={`${id}-chosen`}
        onChange={(event) => {
          setChosen(event.target.files?.[0]?.name ?? null);
          onChange(event);
        }}
      />
      <label htmlFor={id} className="button">
        {label}
      </label>
      <span id={`${id}-chosen`} data-file-chosen={chosen ?? ''}>
        {chosen === null ? t('fileChooser.none') : t('fileChooser.chosen', { name: chosen })}
      </span>
    </div>
  );
}
