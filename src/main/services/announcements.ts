import type { MethodResult } from '../../shared/contract';
import { AnnouncementListSchema } from '../../shared/sync/protocol';
import type { HandlerMap } from '../dispatcher';
import type { Db } from '../store/database';
import { getConfigPart } from '../store/config-versions';

/** Announcements the county sent whose from/until window holds now; a stored list that fails its schema shows nothing. */
export function currentAnnouncements(db: Db, now: Date): MethodResult<'announcements.current'> {
  const parsed = AnnouncementListSchema.safeParse(getConfigPart(db, 'announcements')?.body ?? []);
  if (!parsed.success) return { announcements: [] };
  const at = now.getTime();
  return {
    announcements: parsed.data
      .filter((a) => (!a.from || Date.parse(a.from) <= at) && (!a.until || Date.parse(a.until) > at))
      .map((a) => ({ id: a.id, title: a.title, body: a.body })),
  };
}

export function announcementsHandlers(db: Db, now: () => Date): HandlerMap<'announcements.current'> {
  return { 'announcements.current': () => currentAnnouncements(db, now()) };
}
