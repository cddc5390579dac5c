import { useTranslation } from 'react-i18next';
import { DataTable, type Column } from './DataTable';
import { formatTime } from './format';
import type { PublishedVersion } from '../shared/console/published-version';


/**
 * The history of one published thing, newest first: when, by whom, what it said (`describe`), and a roll-back button
 * on every version but the current one for an account that may publish. `rollbackAttr` names the buttons for the
 * tests; `extra` columns stand after the version number (the catalogue's config version).
 */
export function PublishingHistory<V extends PublishedVersion>({
  history,
  describe,
  mayRollBack,
  onRollBack,
  rollbackAttr = 'data-rollback',
  extra = [],
}: {
  history: V[];
  describe: (version: V) => string;
  mayRollBack: boolean;
  onRollBack: (seq: number) => void;
  rollbackAttr?: `data-${string}`;
  extra?: Column<V>[];
}) {
  const { t } = useTranslation();
  return (
    <DataTable<V>
      caption={t('publishing.history')}
      rows={history}
      rowKey={(v) => String(v.seq)}
      initialSort={{ key: 'seq', descending: true }}
      columns={[
        { key: 'seq', label: t('publishing.version'), value: (v) => v.seq },
        ...extra,
        { key: 'at', label: t('publishing.at'), value: (v) => v.at, render: (v) => formatTime(v.at) },
        { key: 'by', label: t('publishing.by'), value: (v) => v.by ?? t('publishing.before') },
        { key: 'what', label: t('publishing.what'), value: (v) => `${describe(v)}${v.rollbackOf ? ` ${t('publishing.restored', { seq: v.rollbackOf })}` : ''}` },
        {
          key: 'actions',
          label: t('publishing.actions'),
          value: () => null,
          render: (v) =>
            v.current ? (
              <span className="badge">{t('publishing.current')}</span>
            ) : mayRollBack ? (
              <button type="button" className="button" onClick={() => onRollBack(v.seq)} {...{ [rollbackAttr]: v.seq }}>
                {t('publishing.rollBack')}
              </button>
            ) : null,
        },
      ]}
    />
  );
}
