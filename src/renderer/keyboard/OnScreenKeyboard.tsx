import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import Keyboard from 'react-simple-keyboard';
import 'simple-keyboard/build/css/index.css';
import { ALLOWED, LAYOUTS, shifted, type KeyboardMode } from './layouts';
import { candidatesFor } from './pinyin-candidates';

const PAGE = 10;

/**
 * The on-screen keyboard: Chinese by pinyin candidates (letters collect in a pinyin buffer, a candidate ends it),
 * Latin letters, and pads for digits, phone numbers, amounts, dates and ID numbers (with X). Controlled: the
 * field owns the value, so wiping the visit wipes what was typed.
 */
export function OnScreenKeyboard({
  mode,
  value,
  onChange,
  maxLength = 200,
  startChinese = true,
}: {
  mode: KeyboardMode;
  value: string;
  onChange: (value: string) => void;
  maxLength?: number;
  /** Chinese fields start with pinyin input; search starts with letters, for pinyin initials. */
  startChinese?: boolean;
}) {
  const { t } = useTranslation('screens');
  const [chinese, setChinese] = useState(mode === 'chinese' && startChinese);
  const [buffer, setBuffer] = useState('');
  const [page, setPage] = useState(0);
  const [capitals, setCapitals] = useState(false);
  const candidates = useMemo(() => (chinese && buffer ? candidatesFor(buffer) : []), [chinese, buffer]);
  const shown = candidates.slice(page * PAGE, page * PAGE + PAGE);
  const layoutMode: KeyboardMode = mode === 'chinese' ? 'chinese' : mode;

  const append = (text: string) => {
    const next = value + text;
    if ([...next].length <= maxLength) onChange(next);
  };
  const choose = (character: string) => {
    append(character);
    setBuffer('');
    setPage(0);
  };

  const onKeyPress = (button: string) => {
    switch (button) {
      case '{bksp}':
        if (buffer) {
          setBuffer(buffer.slice(0, -1));
          setPage(0);
        } else onChange([...value].slice(0, -1).join(''));
        return;
      case '{clear}':
        setBuffer('');
        onChange('');
        return;
      case '{lang}':
        setChinese((c) => !c);
        setBuffer('');
        return;
      case '{shift}':
        setCapitals((c) => !c);
        return;
      case '{space}':
        if (buffer && candidates[0]) choose(candidates[0]);
        else if (!buffer) append(' ');
        return;
      default:
        break;
    }
    if (mode === 'chinese' && chinese && /^[a-z]$/.test(button)) {
      if (buffer.length < 8) setBuffer(buffer + button);
      setPage(0);
      return;
    }
    if (mode !== 'chinese' && mode !== 'latin' && !ALLOWED[mode].test(button)) return;
    append(button);
  };

  const display: Record<string, string> = {
    '{bksp}': t('keyboard.backspace'),
    '{clear}': t('keyboard.clear'),
    '{space}': t('keyboard.space'),
    '{lang}': chinese ? t('keyboard.toLatin') : t('keyboard.toChinese'),
    '{shift}': capitals ? t('keyboard.lowerCase') : t('keyboard.upperCase'),
  };
  // Pinyin is typed in small letters; capitals are for codes, so shift only shows while typing letters.
  const rows = LAYOUTS[layoutMode].map((row) => (mode === 'chinese' && chinese ? row.replace(' {shift}', '') : row));

  return (
    <div className={`osk osk--${layoutMode}`} data-keyboard={layoutMode}>
      {mode === 'chinese' ? (
        <div className="osk__candidates" aria-live="polite">
          <span className="osk__buffer" data-testid="pinyin-buffer">
            {chinese ? buffer || t('keyboard.typePinyin') : t('keyboard.latinOn')}
          </span>
          {page > 0 ? (
            <button type="button" className="button osk__page" onClick={() => setPage(page - 1)}>
              {t('keyboard.previous')}
            </button>
          ) : null}
          {shown.map((c, i) => (
            <button key={c} type="button" className="button osk__candidate" data-candidate={c} onClick={() => choose(c)} aria-label={t('keyboard.candidate', { n: i + 1, character: c })}>
              {c}
            </button>
          ))}
          {(page + 1) * PAGE < candidates.length ? (
            <button type="button" className="button osk__page" onClick={() => setPage(page + 1)}>
              {t('keyboard.next')}
            </button>
          ) : null}
        </div>
      ) : null}
      <Keyboard
        layout={{ default: capitals ? shifted(rows) : rows }}
        layoutName="default"
        display={display}
        mergeDisplay
        useButtonTag
        disableButtonHold
        preventMouseDownDefault
        onKeyPress={onKeyPress}
        theme="hg-theme-default osk__keys"
      />
    </div>
  );
}
