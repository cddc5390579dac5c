import { useCallback, useRef, useState } from 'react';
import { useAliveEffect } from '../../hooks/use-alive-effect';
import { useTranslation } from 'react-i18next';
import type { CatalogItem } from '../../../shared/catalog/schema';
import type { ResidentSummary } from '../../../shared/domain/identity';
import { useKiosk } from '../../app/kiosk-context';
import { TypedIdEntry } from '../../staff/TypedIdEntry';
import { ProxyPanel } from '../../staff/ProxyPanel';
import { proxyOffered } from '../../../shared/catalog/risk-class';
import { useKioskError } from '../../hooks/use-kiosk-error';
import { ErrorMessage } from '../../screens/ErrorMessage';

/** The cards a resident may insert, in the order shown, each with its insert-the-card animation (theme.css). */
const CARD_WAYS = [
  { kind: 'idCard', animation: 'id' },
  { kind: 'socialSecurityCard', animation: 'ss' },
] as const;

/**
 * "Please put your ID card on the reader" (or insert the social security card). The core reads the card and
 * identifies the session; the screen only ever sees the masked summary. A logged-in clerk may type the number.
 */
export function IdentifyStep({ item, onIdentified }: { item: Pick<CatalogItem, 'identity'> & Partial<Pick<CatalogItem, 'code' | 'riskClass' | 'serviceModes'>>; onIdentified: (resident: ResidentSummary) => void }) {
  const { t } = useTranslation('screens');
  const { client } = useKiosk();
  const { error, fail, clear } = useKioskError();
  const [reading, setReading] = useState(false);
  const [clerk, setClerk] = useState(false);
  // A card this item does not take (a PIN reset with only the social security card): say so, in words.
  const [refusedCard, setRefusedCard] = useState(false);
  const accepts = item.identity.accepts;
  // 代理办: the clerk says an agent applies before the resident is identified; the agent's card and the consent
  // follow, and only then does the flow go on (a card laid meanwhile is the agent's, not a new resident).
  const [proxyAsked, setProxyAsked] = useState<'no' | 'wanted' | 'refused'>('no');
  const proxyWanted = useRef(false);
  const [proxyFor, setProxyFor] = useState<ResidentSummary | null>(null);

  // The card read and the session event can both report the same identification: act on the first only.
  const done = useRef(false);
  const accept = useCallback(
    (resident: ResidentSummary | null) => {
      if (!resident || done.current) return;
      done.current = true;
      if (proxyWanted.current) setProxyFor(resident);
      else onIdentified(resident);
    },
    [onIdentified],
  );
  // Only an item's own flow offers an agent (not "where is my request").
  const proxyItem = item.code && item.riskClass && item.serviceModes ? { code: item.code, identity: item.identity, riskClass: item.riskClass, serviceModes: item.serviceModes } : null;
  const askProxy = () => {
    if (!proxyItem || !proxyOffered(proxyItem)) return setProxyAsked('refused');
    proxyWanted.current = true;
    setProxyAsked('wanted');
  };

  const identifyFrom = useCallback(
    (source: 'idCard' | 'socialSecurityCard') => {
      if (done.current) return; // identified already: a card laid now is the agent's
      setReading(true);
      clear();
      client.invoke('session.identify', { source }).then(accept, (e: unknown) => {
        setReading(false);
        fail(e);
      });
    },
    [client, accept, clear, fail],
  );

  useAliveEffect((alive) => {
    // Already identified earlier in this visit (a second item): no second card read.
    client.invoke('session.current', {}).then((current) => alive() && accept(current), () => undefined);
    client.invoke('system.caller', {}).then((c) => alive() && setClerk(c.roles.includes('clerk')), () => undefined);
    // A card already lying on a reader when the step opens is read at once (no second placing needed).
    client.invoke('devices.list', {}).then((list) => {
      if (!alive()) return;
      const present = list.devices.find((d) => d.media === 'present' && ((d.kind === 'idCardReader' && accepts.includes('idCard')) || (d.kind === 'socialSecurityCardReader' && accepts.includes('socialSecurityCard'))));
      if (present) identifyFrom(present.kind === 'idCardReader' ? 'idCard' : 'socialSecurityCard');
    }, () => undefined);
    const offCard = client.on('card.inserted', (card) => {
      if (accepts.includes(card.kind)) identifyFrom(card.kind);
      else setRefusedCard(true);
    });
    const offSession = client.on('session.changed', (change) => {
      if (change.state === 'identified') client.invoke('session.current', {}).then((current) => alive() && accept(current), () => undefined);
    });
    return () => {
      offCard();
      offSession();
    };
  }, [client, accepts, identifyFrom, accept]);

  if (proxyFor && proxyItem) {
    return (
      <section className="identify" aria-labelledby="proxy-title">
        <ProxyPanel
          itemCode={proxyItem.code}
          onDone={() => onIdentified(proxyFor)}
          onCancel={() => {
            proxyWanted.current = false;
            onIdentified(proxyFor);
          }}
        />
      </section>
    );
  }

  return (
    <section className="identify" aria-labelledby="identify-title">
      <h2 id="identify-title">{t('identify.title')}</h2>
      <div className="identify__ways">
        {CARD_WAYS.filter((way) => accepts.includes(way.kind)).map((way) => (
          <div key={way.kind} className="identify__way" data-way={way.kind}>
            <div className={`card-animation card-animation--${way.animation}`} aria-hidden="true" />
            <p>{t(`identify.${way.kind}`)}</p>
          </div>
        ))}
      </div>
      {refusedCard ? (
        <p className="field__problem" role="alert" data-identify-refused="true">
          {t('catalog:identity.shortfall.idCard')}
        </p>
      ) : null}
      {reading && !error ? <p role="status">{t('identify.reading')}</p> : null}
      {error ? <ErrorMessage error={error} /> : null}
      {clerk && accepts.includes('typedByClerk') ? <TypedIdEntry onIdentified={accept} onError={fail} /> : null}
      {clerk && proxyItem ? (
        <div className="identify__proxy" data-proxy-ask={proxyAsked}>
          {proxyAsked === 'wanted' ? (
            <p role="status">{t('staff:proxy.residentFirst')}</p>
          ) : (
            <button type="button" className="button" onClick={askProxy} data-action="proxy">
              {t('staff:proxy.ask')}
            </button>
          )}
          {proxyAsked === 'refused' ? (
            <p className="field__problem" role="alert" data-proxy-refused>
              {t('catalog:identity.shortfall.proxy')}
            </p>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
