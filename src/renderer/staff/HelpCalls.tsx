import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventData } from '../../shared/contract';
import type { Language } from '../../shared/locales';
import { useKiosk } from '../app/kiosk-context';
import { useCatalog } from '../catalog/catalog-context';
import { chime } from './chime';

type Call = EventData<'help.requested'>;

/**
 * On a logged-in clerk's screen: every resident help call of the point chimes and stands as a banner until a clerk
 * takes it ("I'll go": the call's inquiry becomes that clerk's, and every other clerk screen drops the banner).
 */
export function HelpCalls() {
  const { t, i18n } = useTranslation('staff');
  const { client } = useKiosk();
  const { items } = useCatalog();
  const [calls, setCalls] = useState<Call[]>([]);
  const [taking, setTaking] = useState<string | null>(null);

  useEffect(() => {
    const offRequested = client.on('help.requested', (call) => {
      setCalls((list) => (list.some((c) => c.callId === call.callId) ? list : [...list, call]));
      chime();
    });
    const offAnswered = client.on('help.answered', ({ callId }) => setCalls((list) => list.filter((c) => c.callId !== callId)));
    return () => {
      offRequested();
      offAnswered();
    };
  }, [client]);

  const where = (screen: string) => {
    const code = /^(?:item|flow):(.+)$/.exec(screen)?.[1];
    const item = code ? items.find((i) => i.code === code) : undefined;
    return item ? item.name[i18n.language as Language] : t(`helpCall.where.${screen === 'attract' || screen === 'home' || screen === 'search' ? screen : 'other'}`);
  };
  const take = (callId: string) => {
    setTaking(callId);
    client.invoke('help.answer', { callId }).then(
      () => setCalls((list) => list.filter((c) => c.callId !== callId)),
      () => setTaking(null),
    );
  };

  if (calls.length === 0) return null;
  return (
    <div className="help-calls" role="alert" data-help-calls={calls.length}>
      {calls.map((call) => (
        <div key={call.callId} className="banner banner--call banner--row" data-help-call={call.callId}>
          <span>{t('helpCall.incoming', { where: where(call.screen), time: call.at.slice(11, 16) })}</span>
          <button type="button" className="button" disabled={taking === call.callId} onClick={() => take(call.callId)} data-help-take>
            {t('helpCall.take')}
          </button>
        </div>
      ))}
    </div>
  );
}
