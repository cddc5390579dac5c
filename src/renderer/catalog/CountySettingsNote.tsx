import { useTranslation } from 'react-i18next';
import type { CatalogItem } from '../../shared/catalog/schema';
import { formatSetting, isCountySettingKey, itemSettingSetOn, type SettingRead } from '../../shared/catalog/county-settings';
import { localised, useCatalog } from './catalog-context';

/**
 * Under an item's guide: the county's numbers its texts use, its promised time limit and its legal basis, each "as
 * set by the county on DATE" (or plainly the shipped value until the county sets it).
 */
export function CountySettingsNote({ item }: { item: CatalogItem }) {
  const { t, i18n } = useTranslation('catalog');
  const { settings, source, publishedAt } = useCatalog();
  const language = i18n.language === 'en' ? 'en' : 'zh-CN';
  const read = item.settingsRead ?? [];
  return (
    <section className="county-settings" aria-labelledby="county-settings-heading" data-county-settings="true">
      <h3 id="county-settings-heading">{t('settings.title')}</h3>
      <ul>
        {settings
          ? read.map((key: SettingRead) => {
              const setOn = isCountySettingKey(key) ? settings[key].setOn : itemSettingSetOn(key, item.code, settings);
              const value = isCountySettingKey(key)
                ? formatSetting(key, settings, language)
                : key === 'timeLimit'
                  ? localised(item.guide.timeLimit, language)
                  : item.guide.basis.map((law) => localised(law, language)).join(t('settings.listJoin'));
              return (
                <li key={key} data-setting={key}>
                  {t('settings.line', {
                    name: t(`settings.name.${key}`),
                    value,
                    when: setOn ? t('settings.setOn', { date: setOn }) : t(isCountySettingKey(key) ? 'settings.shipped' : 'settings.shippedText'),
                  })}
                </li>
              );
            })
          : null}
        <li data-setting="catalogue">
          {source === 'county' && publishedAt
            ? t('settings.catalogueFromCounty', { date: publishedAt.slice(0, 10) })
            : t('settings.catalogueShipped')}
        </li>
      </ul>
    </section>
  );
}
