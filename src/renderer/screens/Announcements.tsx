import { useEffect, useState } from 'react';
import { useAliveEffect } from '../hooks/use-alive-effect';
import { useTranslation } from 'react-i18next';
import type { MethodResult } from '../../shared/contract';
import { useKiosk } from '../app/kiosk-context';
import { localised } from '../catalog/catalog-context';

type Announcement = MethodResult<'announcements.current'>['announcements'][number];

const ROTATE_MS = 8000;

/** The county's announcements in force, one at a time, rotating; refreshed when the county sends new ones. */
export function Announcements() {
  const { t, i18n } = useTranslation('screens');
  const { client } = useKiosk();
  const [items, setItems] = useState<Announcement[]>([]);
  const [index, setIndex] = useState(0);

  useAliveEffect((alive) => {
    const load = () => client.invoke('announcements.current', {}).then((a) => alive() && setItems(a.announcements), () => undefined);
    void load();
    const off = client.on('config.changed', (change) => {
      if (change.part === 'announcements') void load();
    });
    return () => {
      off();
    };
  }, [client]);

  useEffect(() => {
    if (items.length < 2) return;
    const timer = window.setInterval(() => setIndex((i) => (i + 1) % items.length), ROTATE_MS);
    return () => window.clearInterval(timer);
  }, [items.length]);

  const current = items[index % Math.max(items.length, 1)];
  if (!current) return null;
  return (
    <section className="announcement" aria-label={t('attract.announcements')} data-announcement={current.id}>
      <h2>{localised(current.title, i18n.language)}</h2>
      <p>{localised(current.body, i18n.language)}</p>
    </section>
  );
}
