import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useKiosk } from '../app/kiosk-context';

/** After a visit that read a card: "please take your card", until the card leaves the reader or a while passes. */
export function TakeCardReminder() {
  const { t } = useTranslation('screens');
  const { client } = useKiosk();
  const [shown, setShown] = useState(true);
  useEffect(() => {
    const off = client.on('card.removed', () => setShown(false));
    const timer = window.setTimeout(() => setShown(false), 15_000);
    return () => {
      off();
      window.clearTimeout(timer);
    };
  }, [client]);
  if (!shown) return null;
  return (
    <div className="take-card" role="alert">
      {t('takeCard')}
    </div>
  );
}
