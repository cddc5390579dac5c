import { useTranslation } from 'react-i18next';
import { PointListSchema, type Point } from '../../shared/console/api';
import { DataTable } from '../DataTable';
import { LoadState } from '../LoadState';
import { useConsoleData } from '../use-console-data';
import type { PageProps } from '.';

/** The points this account may see (its township's, or all for the county). */
export function PointsPage(_props: PageProps) {
  const { t, i18n } = useTranslation();
  const { data, error } = useConsoleData('/points', PointListSchema);
  if (!data) return <LoadState error={error} />;
  const lang = i18n.language === 'en' ? 'en' : 'zh-CN';
  return (
    <DataTable<Point>
      caption={t('points.caption')}
      rows={data.points}
      rowKey={(p) => p.kioskId}
      columns={[
        { key: 'name', label: t('points.name'), value: (p) => p.name[lang] },
        { key: 'divisionCode', label: t('points.divisionCode'), value: (p) => p.divisionCode },
        { key: 'level', label: t('points.level'), value: (p) => t(`points.levels.${p.level}`) },
        { key: 'kioskId', label: t('points.kioskId'), value: (p) => p.kioskId },
      ]}
    />
  );
}
