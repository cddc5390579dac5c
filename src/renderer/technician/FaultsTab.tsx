import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodResult } from '../../shared/contract';
import { useKiosk } from '../app/kiosk-context';
import { ErrorMessage } from '../screens/ErrorMessage';
import { useAction } from './use-action';
import { usePolled } from './use-polled';
import { pointDateTime } from '../../shared/domain/point-day';

type Ticket = MethodResult<'faults.list'>['tickets'][number];

/** The point's fault tickets: open one, see where each stands and when it climbs, acknowledge, note, close after a passing self-test. */
export function FaultsTab() {
  const { t } = useTranslation('technician');
  const { client } = useKiosk();
  const list = usePolled(() => client.invoke('faults.list', {}), 5000, [client]);
  const devices = usePolled(() => client.invoke('devices.list', {}), null, [client]);
  const [deviceId, setDeviceId] = useState('');
  const [summary, setSummary] = useState('');
  const opening = useAction(async () => {
    await client.invoke('faults.open', { summary, ...(deviceId ? { deviceId } : {}) });
    setSummary('');
    list.reload();
  });
  const when = (iso: string) => pointDateTime(iso);
  // A ticket names its device as the device list does (its kind in words); a device no longer fitted, by its id.
  const deviceName = (id: string) => {
    const kind = devices.value?.devices.find((d) => d.id === id)?.kind;
    return kind ? t(`kind.${kind}`) : id;
  };
  return (
    <section className="technician__faults" data-technician-faults>
      <h3>{t('faults.heading')}</h3>
      <form
        className="technician__fault-form"
        onSubmit={(e) => {
          e.preventDefault();
          opening.run();
        }}
      >
        <label>
          {t('faults.device')}
          <select className="field__input" value={deviceId} onChange={(e) => setDeviceId(e.target.value)} data-fault-device>
            <option value="">{t('faults.noDevice')}</option>
            {(devices.value?.devices ?? []).map((d) => (
              <option key={d.id} value={d.id}>
                {t(`kind.${d.kind}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('faults.summary')}
          <input className="field__input" value={summary} onChange={(e) => setSummary(e.target.value)} minLength={3} maxLength={500} required data-fault-summary />
        </label>
        <button type="submit" className="button button--primary" disabled={opening.busy} data-fault-open>
          {t('faults.open')}
        </button>
      </form>
      {opening.error ? <ErrorMessage error={opening.error} /> : null}
      {list.error ? <ErrorMessage error={list.error} /> : null}
      {list.value && list.value.tickets.length === 0 ? <p>{t('faults.none')}</p> : null}
      <ul className="technician__tickets">
        {(list.value?.tickets ?? []).map((ticket) => (
          <TicketItem key={ticket.id} ticket={ticket} reload={list.reload} when={when} deviceName={deviceName} />
        ))}
      </ul>
    </section>
  );
}

function TicketItem({ ticket, reload, when, deviceName }: { ticket: Ticket; reload: () => void; when: (iso: string) => string; deviceName: (id: string) => string }) {
  const { t } = useTranslation('technician');
  const { client } = useKiosk();
  const [note, setNote] = useState('');
  const act = useAction(async (method: 'faults.acknowledge' | 'faults.close' | 'faults.note') => {
    if (method === 'faults.note') await client.invoke('faults.note', { id: ticket.id, note });
    else await client.invoke(method, { id: ticket.id });
    if (method === 'faults.note') setNote('');
    reload();
  });
  const level = t(`faults.level.${ticket.level}`);
  const open = ticket.state !== 'closed';
  return (
    <li className="technician__ticket" data-fault-ticket={ticket.id} data-fault-level={ticket.level} data-fault-state={ticket.state}>
      <p>
        <strong>{ticket.deviceId ? deviceName(ticket.deviceId) : t('faults.noDevice')}</strong> — {ticket.summary}
      </p>
      <p>
        {t(`faults.state.${ticket.state}`)} · {t('faults.opened', { time: when(ticket.openedAt) })} · {t('faults.at', { level, time: when(ticket.levelSince) })}
      </p>
      {ticket.dueAt ? <p data-fault-due>{ticket.overdue ? t('faults.overdue') : t('faults.due', { time: when(ticket.dueAt) })}</p> : null}
      {ticket.acknowledgedBy ? <p>{t('faults.acknowledgedBy', { name: ticket.acknowledgedBy })}</p> : null}
      {ticket.reopened > 0 ? <p>{t('faults.reopened', { count: ticket.reopened })}</p> : null}
      {ticket.unsentMoves.length > 0 ? <p>{t('faults.unsent', { count: ticket.unsentMoves.length })}</p> : null}
      {ticket.countyNote ? <p>{t('faults.countyNote', { note: ticket.countyNote })}</p> : null}
      <ol className="technician__moves" data-fault-moves>
        {[...ticket.moves, ...ticket.unsentMoves].map((m) => (
          <li key={`${m.at}-${m.action}-${m.level}`} data-fault-move={m.action}>
            {when(m.at)} {t(`faults.move.${m.action}`, { level: t(`faults.level.${m.level}`) })} —{' '}
            {m.note ? t('common:labelled', { label: m.by === 'system' ? t('faults.system') : m.by, value: m.note }) : m.by === 'system' ? t('faults.system') : m.by}
          </li>
        ))}
      </ol>
      {open ? (
        <div className="technician__ticket-actions">
          {ticket.level === 'point' && !ticket.acknowledgedBy ? (
            <button type="button" className="button" disabled={act.busy} onClick={() => act.run('faults.acknowledge')} data-fault-acknowledge>
              {t('faults.acknowledge')}
            </button>
          ) : null}
          <label>
            {t('faults.note')}
            <input className="field__input" value={note} onChange={(e) => setNote(e.target.value)} maxLength={500} data-fault-note />
          </label>
          <button type="button" className="button" disabled={act.busy || note.trim().length < 2} onClick={() => act.run('faults.note')} data-fault-add-note>
            {t('faults.addNote')}
          </button>
          {ticket.deviceId && !ticket.closeOfferedAt ? (
            <p>{t('faults.closeNeedsTest')}</p>
          ) : (
            <>
              {ticket.closeOfferedAt ? <p data-fault-close-offer>{t('faults.closeOffer', { time: when(ticket.closeOfferedAt) })}</p> : null}
              <button type="button" className="button button--primary" disabled={act.busy} onClick={() => act.run('faults.close')} data-fault-close>
                {t('faults.close')}
              </button>
            </>
          )}
        </div>
      ) : null}
      {act.error ? <ErrorMessage error={act.error} /> : null}
    </li>
  );
}
