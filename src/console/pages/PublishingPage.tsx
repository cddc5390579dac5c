import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { AnnouncementsStateSchema, SiteSettingsStateSchema } from '../../shared/console/api';
import { officeHoursLine, parseOfficeHoursLines } from '../../shared/domain/office-hours';
import { AnnouncementListSchema, AnnouncementSchema } from '../../shared/sync/protocol';
import { consoleCall, errorCode } from '../api';
import { DataTable } from '../DataTable';
import { CatalogPublishing } from './CatalogPublishing';
import { formatTime } from '../format';
import { ErrorLine } from '../ErrorLine';
import { LoadState } from '../LoadState';
import { useConsoleData } from '../use-console-data';
import { PublishingHistory } from '../PublishingHistory';
import type { PageProps } from '.';

type Announcement = z.infer<typeof AnnouncementSchema>;
const Published = z.object({ version: z.number() });

/** Publishing: the county's announcements and each point's duty person and phone; every version kept, rollback in one click. */
export function PublishingPage(_props: PageProps) {
  const { t } = useTranslation();
  return (
    <>
      <section aria-labelledby="announcements-title">
        <h2 id="announcements-title">{t('publishing.announcements')}</h2>
        <Announcements />
      </section>
      <section aria-labelledby="catalog-title">
        <h2 id="catalog-title">{t('publishing.catalog')}</h2>
        <CatalogPublishing />
      </section>
      <section aria-labelledby="site-title">
        <h2 id="site-title">{t('publishing.site')}</h2>
        <SiteSettings />
      </section>
    </>
  );
}

function useAct(reload: () => Promise<unknown>) {
  const [error, setError] = useState<string | null>(null);
  const act = async (work: () => Promise<unknown>): Promise<boolean> => {
    setError(null);
    try {
      await work();
      await reload();
      return true;
    } catch (e) {
      setError(errorCode(e));
      return false;
    }
  };
  return { error, act };
}

function inForce(a: Announcement, now: string): 'inForce' | 'scheduled' | 'ended' {
  if (a.from && a.from > now) return 'scheduled';
  if (a.until && a.until <= now) return 'ended';
  return 'inForce';
}

/** How the announcement reads on the kiosk's attract screen, in both languages. */
function AnnouncementPreview({ announcement, now }: { announcement: Announcement; now: string }) {
  const { t } = useTranslation();
  const state = inForce(announcement, now);
  return (
    <article className="preview" data-preview={announcement.id} data-preview-state={state}>
      <p className="badge">{t(`publishing.states.${state}`)}</p>
      {(['zh-CN', 'en'] as const).map((lang) => (
        <div key={lang} lang={lang}>
          <h3>{announcement.title[lang]}</h3>
          <p>{announcement.body[lang]}</p>
        </div>
      ))}
      <p className="preview__dates">
        {t('publishing.dates', { from: formatTime(announcement.from ?? null) ?? t('publishing.now'), until: formatTime(announcement.until ?? null) ?? t('publishing.noEnd') })}
      </p>
    </article>
  );
}

const EMPTY = { titleZh: '', titleEn: '', bodyZh: '', bodyEn: '', from: '', until: '' };

function Announcements() {
  const { t } = useTranslation();
  const { data, error: loadError, reload } = useConsoleData('/publishing/announcements', AnnouncementsStateSchema);
  const { error, act } = useAct(reload);
  const [draft, setDraft] = useState(EMPTY);
  if (!data) return <LoadState error={loadError} />;
  const current = AnnouncementListSchema.safeParse(data.history[0]?.body).data ?? [];
  const publish = (list: Announcement[]) => act(() => consoleCall('PUT', '/publishing/announcements', Published, { announcements: list }));
  const toIso = (local: string) => (local ? new Date(local).toISOString() : undefined);
  const candidate: Announcement = {
    id: `a-${Date.now().toString(36)}`,
    title: { 'zh-CN': draft.titleZh.trim(), en: draft.titleEn.trim() },
    body: { 'zh-CN': draft.bodyZh.trim(), en: draft.bodyEn.trim() },
    ...(draft.from ? { from: toIso(draft.from) } : {}),
    ...(draft.until ? { until: toIso(draft.until) } : {}),
  };
  const ready = AnnouncementSchema.safeParse(candidate).success;
  const field = (key: keyof typeof EMPTY, label: string, multiline = false, type = 'text') => (
    <label>
      {label}
      {multiline ? (
        <textarea name={key} rows={3} maxLength={4000} value={draft[key]} onChange={(e) => setDraft({ ...draft, [key]: e.target.value })} />
      ) : (
        <input name={key} type={type} maxLength={200} value={draft[key]} onChange={(e) => setDraft({ ...draft, [key]: e.target.value })} />
      )}
    </label>
  );
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (ready && (await publish([...current, candidate]))) setDraft(EMPTY);
  };

  return (
    <>
      <div className="previews" data-announcements-current>
        {current.length === 0 && <p>{t('publishing.noAnnouncements')}</p>}
        {current.map((a) => (
          <div key={a.id} className="preview-wrap">
            <AnnouncementPreview announcement={a} now={data.now} />
            {data.mayPublish && (
              <button type="button" className="button" data-withdraw={a.id} aria-label={t('publishing.withdrawOf', { title: a.title['zh-CN'] })} onClick={() => void publish(current.filter((x) => x.id !== a.id))}>
                {t('publishing.withdraw')}
              </button>
            )}
          </div>
        ))}
      </div>
      {data.mayPublish ? (
        <form className="form-grid" onSubmit={(e) => void submit(e)} aria-label={t('publishing.newAnnouncement')} data-form="announcement">
          {field('titleZh', t('publishing.titleZh'))}
          {field('titleEn', t('publishing.titleEn'))}
          {field('bodyZh', t('publishing.bodyZh'), true)}
          {field('bodyEn', t('publishing.bodyEn'), true)}
          {field('from', t('publishing.from'), false, 'datetime-local')}
          {field('until', t('publishing.until'), false, 'datetime-local')}
          <button type="submit" className="button button--primary" disabled={!ready}>
            {t('publishing.publish')}
          </button>
        </form>
      ) : (
        <p>{t('publishing.countyPublishes')}</p>
      )}
      {data.mayPublish && ready && (
        <div data-draft-preview>
          <h3>{t('publishing.preview')}</h3>
          <AnnouncementPreview announcement={candidate} now={data.now} />
        </div>
      )}
      <ErrorLine error={error} />
      <PublishingHistory
        history={data.history}
        mayRollBack={data.mayPublish}
        onRollBack={(seq) => void act(() => consoleCall('POST', '/publishing/announcements/rollback', Published, { seq }))}
        describe={(p) => (AnnouncementListSchema.safeParse(p.body).data ?? []).map((a) => a.title['zh-CN']).join('；') || t('publishing.none')}
      />
    </>
  );
}

function SiteSettings() {
  const { t, i18n } = useTranslation();
  const { data, error: loadError, reload } = useConsoleData('/publishing/site', SiteSettingsStateSchema);
  const { error, act } = useAct(reload);
  const [editing, setEditing] = useState<string | null>(null);
  const [onDuty, setOnDuty] = useState('');
  const [phone, setPhone] = useState('');
  const [hours, setHours] = useState('');
  if (!data) return <LoadState error={loadError} />;
  const parsedHours = hours.trim() ? parseOfficeHoursLines(hours) : null;
  const lang = i18n.language === 'en' ? 'en' : 'zh-CN';
  const selected = data.points.find((p) => p.point.kioskId === editing) ?? null;
  type Row = (typeof data.points)[number];
  return (
    <>
      <DataTable<Row>
        caption={t('publishing.siteCaption')}
        rows={data.points}
        rowKey={(r) => r.point.kioskId}
        columns={[
          { key: 'point', label: t('fleet.point'), value: (r) => r.point.name[lang] },
          { key: 'onDuty', label: t('publishing.onDuty'), value: (r) => r.effective.onDuty ?? null },
          { key: 'phone', label: t('publishing.phone'), value: (r) => r.effective.consultationPhone ?? null },
          { key: 'officeHours', label: t('publishing.officeHours'), value: (r) => r.effective.officeHours?.map(officeHoursLine).join('; ') ?? t('publishing.officeHoursLocal') },
          {
            key: 'actions',
            label: t('publishing.actions'),
            value: () => null,
            render: (r) => (
              <button
                type="button"
                className="button"
                data-edit-site={r.point.kioskId}
                aria-label={t('publishing.editOf', { point: r.point.name[lang] })}
                onClick={() => {
                  setEditing(r.point.kioskId);
                  setOnDuty(r.effective.onDuty ?? '');
                  setPhone(r.effective.consultationPhone ?? '');
                  setHours(r.effective.officeHours?.map(officeHoursLine).join('\n') ?? '');
                }}
              >
                {t('publishing.edit')}
              </button>
            ),
          },
        ]}
      />
      {selected && (
        <div className="detail" data-site-editor={selected.point.kioskId}>
          <h3>{t('publishing.editOf', { point: selected.point.name[lang] })}</h3>
          <form
            className="form-grid"
            onSubmit={(e) => {
              e.preventDefault();
              if (parsedHours && !parsedHours.ok) return;
              void act(() =>
                consoleCall('PUT', `/publishing/site/${selected.point.kioskId}`, Published, {
                  ...(onDuty.trim() ? { onDuty: onDuty.trim() } : {}),
                  ...(phone.trim() ? { consultationPhone: phone.trim() } : {}),
                  ...(parsedHours?.ok ? { officeHours: parsedHours.hours } : {}),
                }),
              );
            }}
          >
            <label>
              {t('publishing.onDuty')}
              <input name="onDuty" value={onDuty} maxLength={30} onChange={(e) => setOnDuty(e.target.value)} />
            </label>
            <label>
              {t('publishing.phone')}
              <input name="consultationPhone" value={phone} pattern="[0-9\-]{5,20}" title={t('publishing.phoneRule')} onChange={(e) => setPhone(e.target.value)} />
            </label>
            <label>
              {t('publishing.officeHours')}
              <textarea name="officeHours" rows={3} maxLength={400} value={hours} aria-describedby="office-hours-rule" onChange={(e) => setHours(e.target.value)} />
              <small id="office-hours-rule">{t('publishing.officeHoursRule')}</small>
            </label>
            {parsedHours && !parsedHours.ok && (
              <p role="alert" className="error" data-office-hours-error>
                {t('publishing.officeHoursBad', { line: parsedHours.line })}
              </p>
            )}
            <button type="submit" className="button button--primary">
              {t('publishing.publish')}
            </button>
          </form>
          <PublishingHistory
            history={selected.history}
            mayRollBack
            onRollBack={(seq) => void act(() => consoleCall('POST', `/publishing/site/${selected.point.kioskId}/rollback`, Published, { seq }))}
            describe={(p) => {
              const body = p.body as { onDuty?: string; consultationPhone?: string; officeHours?: Parameters<typeof officeHoursLine>[0][] };
              return [body.onDuty, body.consultationPhone, body.officeHours?.map(officeHoursLine).join('; ')].filter(Boolean).join(' · ') || t('publishing.countyDefault');
            }}
          />
        </div>
      )}
      <ErrorLine error={error} />
    </>
  );
}
