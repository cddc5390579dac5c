import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FaultQueueSchema, FaultTicketRowSchema, type FaultAction, type FaultTicketRow } from '../../shared/console/api';
import { consoleCall, errorCode } from '../api';
import { DeskTable } from '../DeskTable';
import { formatAgo, formatTime } from '../format';
import { ErrorLine } from '../ErrorLine';
import { LoadState } from '../LoadState';
import { useDesk } from '../use-desk';
import type { PageProps } from '.';

/** The escalation queue: tickets with the time their level has left; open one to acknowledge, note, pass up, resolve. */
export function FaultsPage(_props: PageProps) {
  const { t, i18n } = useTranslation();
  const { queue: data, error, reload, opened: ticket, desk } = useDesk('/faults', FaultQueueSchema, (q) => q.tickets, (r) => r.id);
  if (!data) return <LoadState error={error} />;
  const lang = i18n.language === 'en' ? 'en' : 'zh-CN';
  const timeLeft = (r: FaultTicketRow) =>
    r.state === 'closed' ? t('faults.resolved') : r.dueAt === null ? t('faults.acknowledgedBy', { name: r.acknowledgedBy ?? '' }) : r.overdue ? t('faults.overdue', { ago: formatAgo(r.dueAt, data.now, i18n.language) }) : t('faults.due', { in: formatAgo(r.dueAt, data.now, i18n.language) });
  return (
    <>
      <p className="page-summary">
        {t('faults.responseTimes', {
          point: data.responseMinutes.point,
          township: data.responseMinutes.township,
          county: data.responseMinutes.county,
          vendor: data.responseMinutes.vendor,
        })}
      </p>
      <DeskTable<FaultTicketRow> desk={desk} caption={t('faults.caption')} sortBy="due" waitingHere={(r) => r.state === 'open'}
        opener={{ label: t('faults.actions'), text: t('faults.open'), ariaLabel: (r) => t('faults.openTicket', { summary: r.summary }), dataAttr: 'data-open-ticket' }}
        columns={[
          { key: 'point', label: t('faults.point'), value: (r) => r.point.name[lang] },
          { key: 'device', label: t('faults.device'), value: (r) => r.deviceId },
          { key: 'summary', label: t('faults.summary'), value: (r) => r.summary },
          { key: 'opened', label: t('faults.opened'), value: (r) => r.openedAt, render: (r) => formatTime(r.openedAt) },
          { key: 'level', label: t('faults.level'), value: (r) => t(`faults.levels.${r.level}`) },
          { key: 'due', label: t('faults.timeLeft'), value: (r) => (r.state === 'closed' ? 'z' : (r.dueAt ?? 'y')), render: timeLeft },
          { key: 'state', label: t('faults.state'), value: (r) => t(`faults.states.${r.state}`) },
        ]}
      />
      {ticket && <FaultDetail key={ticket.id} ticket={ticket} now={data.now} onChanged={() => void reload()} />}
    </>
  );
}

function FaultDetail({ ticket, now, onChanged }: { ticket: FaultTicketRow; now: string; onChanged: () => void }) {
  const { t, i18n } = useTranslation();
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const act = async (action: FaultAction) => {
    setBusy(true);
    setError(null);
    try {
      await consoleCall('POST', `/faults/${encodeURIComponent(ticket.id)}/${action}`, FaultTicketRowSchema, note.trim() ? { note: note.trim() } : {});
      setNote('');
      onChanged();
    } catch (e) {
      setError(errorCode(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="detail" aria-labelledby="fault-detail-title" data-ticket={ticket.id} data-level={ticket.level} data-ticket-state={ticket.state}>
      <h2 id="fault-detail-title">
        {t('faults.detailTitle', { summary: ticket.summary })} · {t(`faults.levels.${ticket.level}`)} · {t(`faults.states.${ticket.state}`)}
      </h2>
      <ol className="moves">
        {ticket.moves.map((m, i) => (
          <li key={i} data-move={m.action}>
            <time dateTime={m.at} title={formatTime(m.at) ?? undefined}>
              {formatAgo(m.at, now, i18n.language)}
            </time>{' '}
            {t(`faults.moves.${m.action}`, { level: t(`faults.levels.${m.level}`) })} — {m.by}
            {m.note ? `: ${m.note}` : ''}
          </li>
        ))}
        {ticket.moves.length === 0 && <li>{t('faults.noMoves')}</li>}
      </ol>
      {ticket.allowed.length > 0 ? (
        <>
          <label htmlFor="fault-note">{t('faults.note')}</label>
          <textarea id="fault-note" rows={2} maxLength={500} value={note} onChange={(e) => setNote(e.target.value)} />
          <div className="actions">
            {ticket.allowed.map((a) => (
              <button key={a} type="button" className={a === 'resolve' ? 'button button--primary' : 'button'} disabled={busy || (a === 'note' && !note.trim())} onClick={() => void act(a)} data-fault-action={a}>
                {t(`faults.actionLabels.${a}`)}
              </button>
            ))}
          </div>
        </>
      ) : (
        <p>{ticket.state === 'closed' ? t('faults.closedNoMoves') : t('faults.notYourLevel')}</p>
      )}
      <ErrorLine error={error} />
    </section>
  );
}
