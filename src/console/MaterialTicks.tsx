import { useTranslation } from 'react-i18next';

/** The materials a case's item asks for, ticked by name when a desk returns it for what is missing. */
export function MaterialTicks({ materials, ticked, onChange }: { materials: ReadonlyArray<{ code: string; name: { 'zh-CN': string; en: string } }>; ticked: string[]; onChange: (ticked: string[]) => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'zh-CN';
  return (
    <fieldset className="case-materials" data-case-materials>
      <legend>{t('cases.materials')}</legend>
      {materials.map((m) => (
        <label key={m.code} className="checkbox">
          <input type="checkbox" data-material={m.code} checked={ticked.includes(m.code)} onChange={(e) => onChange(e.target.checked ? [...ticked, m.code] : ticked.filter((c) => c !== m.code))} />
          {m.name[lang]}
        </label>
      ))}
    </fieldset>
  );
}
