import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { isCalendarDay } from '../shared/domain/calendar-day';

/**
 * A date in the console's own words. Chromium draws <input type=date> in the browser's locale ("mm/dd/yyyy" on a
 * Chinese page), so this is a text field for yyyy-mm-dd with the format said in the page's language (placeholder and
 * a described hint) and, once `check` asks (a save was tried), a clear error while the text is not a real day. Not on
 * leaving the field: the error appearing then would move the Save button away from under the pointer mid-click.
 */
export function DateField({ label, value, onChange, check = false, ...data }: { label: string; value: string; onChange: (value: string) => void; check?: boolean } & Record<`data-${string}`, string | boolean>) {
  const { t } = useTranslation();
  const id = useId();
  const wrong = check && !isCalendarDay(value);
  return (
    <span className="date-field">
      <input
        type="text"
        inputMode="numeric"
        autoComplete="off"
        maxLength={10}
        className="date-field__input"
        aria-label={label}
        placeholder={t('dateField.placeholder')}
        aria-describedby={wrong ? `${id}-hint ${id}-error` : `${id}-hint`}
        aria-invalid={wrong}
        required
        value={value}
        onChange={(e) => onChange(e.target.value.trim())}
        {...data}
      />
      <span id={`${id}-hint`} className="visually-hidden">
        {t('dateField.hint')}
      </span>
      {wrong ? (
        <span id={`${id}-error`} className="error" role="alert" data-date-error>
          {t('dateField.invalid')}
        </span>
      ) : null}
    </span>
  );
}
