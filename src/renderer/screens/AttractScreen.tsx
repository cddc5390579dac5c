import { useTranslation } from 'react-i18next';
import { useKiosk } from '../app/kiosk-context';
import type { Language } from '../../shared/locales';
import { Announcements } from './Announcements';

/** The idle screen: the point's name, hours, phone, who is on duty and the county's announcements; one big "touch to start". */
export function AttractScreen({ onStart }: { onStart: () => void }) {
  const { t, i18n } = useTranslation();
  const { site } = useKiosk();
  const lang = i18n.language as Language;
  return (
    <main className="attract" onClick={onStart}>
      <h1 className="attract__name">{site.name[lang]}</h1>
      <p className="attract__title">{t('app.title')}</p>
      <button type="button" className="button button--primary attract__start" onClick={onStart}>
        {t('attract.touchToStart')}
      </button>
      <dl className="attract__facts">
        <div>
          <dt>{t('attract.officeHours')}</dt>
          {site.officeHours.map((h, i) => (
            <dd key={i}>
              {t('attract.weekdays', { days: h.days.map((d) => t(`weekday.${d}`)).join(lang === 'en' ? ', ' : '、') })}{' '}
              {t('attract.hoursRange', { open: h.open, close: h.close })}
            </dd>
          ))}
        </div>
        <div>
          <dt>{t('attract.phone')}</dt>
          <dd>{site.consultationPhone}</dd>
        </div>
        {site.onDuty ? (
          <div>
            <dt>{t('attract.onDuty')}</dt>
            <dd>{site.onDuty}</dd>
          </div>
        ) : null}
      </dl>
      <Announcements />
    </main>
  );
}
